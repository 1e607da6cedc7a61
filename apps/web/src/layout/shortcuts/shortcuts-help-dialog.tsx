import { buttonClass } from "../../ui/button.ts";
import { Modal } from "../../ui/modal.tsx";
import { SHORTCUTS } from "./shortcut-list.ts";

/** The `?` dialog: every shortcut and what it does. */
export function ShortcutsHelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} widthClass="w-[min(32rem,calc(100vw-1.5rem))]">
      <table className="text-left text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys.join(" ")} className="border-t border-slate-100 first:border-t-0">
              <th scope="row" className="whitespace-nowrap py-1.5 pr-4 font-normal">
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? <span className="px-1 text-slate-500">{shortcut.together ? "+" : "then"}</span> : null}
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
                      {key}
                    </kbd>
                  </span>
                ))}
              </th>
              <td className="py-1.5 text-slate-700">{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex justify-end">
        <button type="button" className={buttonClass.secondary} onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
