import { useEffect, useRef } from "react";

type ColorInputProps = {
  label: string;
  value: string;
  disabled?: boolean;
  onCommit: (color: string) => void;
};

/**
 * A labelled color picker that saves once the person has picked: React's onChange fires
 * on every movement inside the browser's picker, the native `change` event only at the end.
 */
export function ColorInput({ label, value, disabled, onCommit }: ColorInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const commit = useRef(onCommit);
  commit.current = onCommit;

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    const onChange = () => {
      if (input.value.toUpperCase() !== value.toUpperCase()) commit.current(input.value);
    };
    input.addEventListener("change", onChange);
    return () => input.removeEventListener("change", onChange);
  }, [value]);

  return (
    <input
      ref={ref}
      type="color"
      aria-label={label}
      title={label}
      // Uncontrolled so dragging in the picker does not fight a re-render; `key` resets it when the saved color changes.
      key={value}
      defaultValue={value.toLowerCase()}
      disabled={disabled}
      className="h-8 w-10 cursor-pointer rounded border border-slate-300 bg-white p-0.5"
    />
  );
}
