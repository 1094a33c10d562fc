// One 28×28 digit of raw bytes drawn as MNIST stores it: white ink on black, each byte a pixel that CSS
// enlarges without smoothing.
import { useEffect, useRef } from 'react';
import { IMAGE_PIXELS, IMAGE_SIDE } from '../shared/mnist';

interface Props {
  /** IMAGE_PIXELS grey levels, 0–255. */
  pixels: Uint8Array;
  /** What the image shows, for screen readers. */
  label: string;
  className?: string;
}

export function DigitImage({ pixels, label, className = 'digit-image' }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(IMAGE_SIDE, IMAGE_SIDE);
    for (let i = 0; i < IMAGE_PIXELS; i++) {
      const v = pixels[i] ?? 0;
      image.data.set([v, v, v, 255], 4 * i);
    }
    ctx.putImageData(image, 0, 0);
  }, [pixels]);
  return (
    <canvas
      ref={ref}
      className={className}
      width={IMAGE_SIDE}
      height={IMAGE_SIDE}
      role="img"
      aria-label={label}
    />
  );
}
