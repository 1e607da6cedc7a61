import { buttonClass } from "../../ui/button.ts";

type WeekToolbarProps = {
  title: string;
  onPrevious: () => void;
  onThisWeek: () => void;
  onNext: () => void;
  isThisWeek: boolean;
};

/** The week's name as the page heading, with the buttons that page through weeks. */
export function WeekToolbar({ title, onPrevious, onThisWeek, onNext, isThisWeek }: WeekToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <h1 className="mr-auto text-xl font-semibold" aria-live="polite">
        {title}
      </h1>
      <nav aria-label="Weeks" className="flex gap-1">
        <button type="button" className={buttonClass.secondary} onClick={onPrevious} aria-label="Previous week">
          <span aria-hidden="true">‹</span>
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={onThisWeek}
          aria-current={isThisWeek ? "date" : undefined}
        >
          This week
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onNext} aria-label="Next week">
          <span aria-hidden="true">›</span>
        </button>
      </nav>
    </div>
  );
}
