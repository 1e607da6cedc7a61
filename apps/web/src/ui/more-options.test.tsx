// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MoreOptions } from "./more-options.tsx";

/** The options' container, found through the toggle that controls it. */
function options() {
  const id = screen.getByRole("button", { name: /options/ }).getAttribute("aria-controls") ?? "";
  return document.getElementById(id);
}

describe("MoreOptions", () => {
  it("starts collapsed on a phone and opens from its toggle", async () => {
    const user = userEvent.setup();
    render(
      <MoreOptions>
        <label>
          Minutes <input />
        </label>
      </MoreOptions>,
    );
    const toggle = screen.getByRole("button", { name: "More options" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    // Hidden below the sm breakpoint only: from sm up the container is always a grid.
    expect(options()?.className).toMatch(/(^|\s)hidden(\s|$)/);
    expect(options()?.className).toMatch(/sm:grid/);

    await user.click(toggle);

    expect(screen.getByRole("button", { name: "Fewer options" }).getAttribute("aria-expanded")).toBe("true");
    expect(options()?.className).not.toMatch(/(^|\s)hidden(\s|$)/);
    expect(options()?.contains(screen.getByLabelText("Minutes"))).toBe(true);
  });

  it("stays open while a field inside needs attention", () => {
    render(
      <MoreOptions forceOpen>
        <input aria-label="Minutes" />
      </MoreOptions>,
    );
    expect(screen.getByRole("button", { name: "Fewer options" }).getAttribute("aria-expanded")).toBe("true");
  });
});
