// The Model control's state: whether the widths field is open, what is being typed in it, and the
// refusal shown under it. A preset applies when picked; typed widths when committed (Enter, blur).
import { useState } from 'react';
import type { Messages } from '../i18n/messages';
import type { Text } from '../i18n/text';
import { MODEL_PRESETS, type ModelName } from '../shared/model';
import { CUSTOM, choiceOf, isPreset, parseWidths } from './modelChoice';

export function useModelChoice(value: ModelName, onChange: (model: ModelName) => void) {
  // "Custom widths…" picked while a preset is in force opens the field without changing the model.
  const [customOpen, setCustomOpen] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  // A Text, so a refusal shown before a language switch is shown in the new language after it.
  const [note, setNote] = useState<Text | null>(null);

  const pick = (choice: string) => {
    setDraft(null);
    setNote(null);
    if (choice === CUSTOM) return setCustomOpen(true);
    setCustomOpen(false);
    const preset = MODEL_PRESETS.find((p) => p === choice);
    if (preset && preset !== value) onChange(preset);
  };

  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const typed = draft;
    // An emptied field goes back to the model in force, like Escape.
    if (typed.trim() === '') return setNote(null);
    const r = parseWidths(typed);
    if (!r.ok) {
      const { reason } = r;
      return setNote(() => (m: Messages) => m.settings.refused(typed, reason(m), value));
    }
    setNote(null);
    // Widths that name a preset (128) show as that preset in the select.
    setCustomOpen(!isPreset(r.model));
    if (r.model !== value) onChange(r.model);
  };

  return {
    /** Whether the select shows "Custom widths…" and the widths field is open. */
    custom: customOpen || choiceOf(value) === CUSTOM,
    draft,
    type: setDraft,
    cancel: () => setDraft(null),
    note,
    pick,
    commit,
  };
}
