// The lessons' frame: the button that lists them and the card of the open one (the lessons' own words
// are data, in src/lessons/lessons.ts).
const en = {
  button: 'Lessons',
  list: 'Lessons: ready-made experiments',
  open: (title: string) => `Open the lesson “${title}”`,
  card: 'Lesson',
  watch: 'What to watch',
  question: 'Ask the class',
  parts: 'Experiments of this lesson',
  close: 'Close the lesson',
  count: (n: number) => `${n} lessons`,
};

const zh: typeof en = {
  button: '课程',
  list: '课程：现成的实验',
  open: (title: string) => `打开课程“${title}”`,
  card: '课程',
  watch: '观察什么',
  question: '问问全班',
  parts: '本课的实验',
  close: '关闭课程',
  count: (n: number) => `${n} 节课`,
};

export const lessons = { en, zh };
