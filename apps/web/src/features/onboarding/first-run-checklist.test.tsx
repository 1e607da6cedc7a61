// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiFor } from "../../testing/api-for.ts";
import { renderApp } from "../../testing/render-app.tsx";
import { signUp } from "../../testing/sign-up.ts";

const WORK_HOURS = {
  name: "Work",
  recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  startDate: new Date().toISOString().slice(0, 10),
  startTime: "09:00",
  minutes: 480,
};

async function findSteps() {
  const checklist = await screen.findByRole("region", { name: "Get started" }, { timeout: 10_000 });
  return { checklist, steps: within(checklist).getByRole("list", { name: "Getting started steps" }) };
}

describe("the first-run checklist", () => {
  it("shows a newcomer three steps with links, and ticks 'Add tasks' as soon as one is added", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });

    const { checklist, steps } = await findSteps();
    expect(within(checklist).getByText("0 of 3 done")).toBeDefined();
    expect(
      within(steps)
        .getAllByRole("listitem")
        .map((item) => item.querySelector("p")?.textContent),
    ).toEqual(["Add tasks (to do)", "Set your working hours (to do)", "Plan your week (to do)"]);
    expect(within(steps).getByRole("link", { name: "Create a planner" }).getAttribute("href")).toBe("/planners");
    expect(within(steps).getByRole("link", { name: "Plan my week" }).getAttribute("href")).toBe("/week");

    await user.type(screen.getByLabelText("Summary"), "Write report");
    await user.click(screen.getByRole("button", { name: "Add task" }));

    await waitFor(() => expect(within(checklist).getByText("1 of 3 done")).toBeDefined(), { timeout: 10_000 });
    expect(within(steps).getByText("Add tasks").textContent).toBe("Add tasks (done)");
    expect(within(steps).queryByRole("link", { name: "Add a task" })).toBeNull();
  });

  it("is gone once the person has tasks, working hours and a plan", async () => {
    const person = await signUp();
    const api = apiFor(person);
    await api.scheduler.tasks.create.mutate({ summary: "Write report", minutes: 60 });
    await api.scheduler.planners.create.mutate(WORK_HOURS);
    renderApp({ cookie: person.cookie, path: "/inbox" });
    expect((await findSteps()).checklist.textContent).toContain("2 of 3 done");
    cleanup();

    await api.scheduler.plan.commit.mutate({});
    const { queryClient } = renderApp({ cookie: person.cookie, path: "/inbox" });
    // Once the progress has arrived, the checklist has had its chance to show.
    await waitFor(
      () => {
        const [progress] = queryClient.getQueryCache().findAll({ queryKey: [["scheduler", "onboarding", "progress"]] });
        expect(progress?.state.data).toEqual({ hasTasks: true, hasPlanner: true, hasPlanRun: true });
      },
      { timeout: 10_000 },
    );
    expect(screen.queryByRole("region", { name: "Get started" })).toBeNull();
  });

  it("stays away once dismissed, for that person only", async () => {
    const person = await signUp();
    const user = userEvent.setup();
    renderApp({ cookie: person.cookie, path: "/inbox" });
    const { checklist } = await findSteps();

    await user.click(within(checklist).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("region", { name: "Get started" })).toBeNull();
    cleanup();

    renderApp({ cookie: person.cookie, path: "/inbox" });
    await screen.findByText("Your inbox is empty", {}, { timeout: 10_000 });
    expect(screen.queryByRole("region", { name: "Get started" })).toBeNull();
    cleanup();

    const newcomer = await signUp();
    renderApp({ cookie: newcomer.cookie, path: "/inbox" });
    expect((await findSteps()).checklist).toBeDefined();
  });

  it("shows on Today too, until the last step is done", async () => {
    const person = await signUp();
    const api = apiFor(person);
    await api.scheduler.tasks.create.mutate({ summary: "Write report", minutes: 60 });
    renderApp({ cookie: person.cookie, path: "/today" });

    const { checklist } = await findSteps();
    expect(within(checklist).getByText("1 of 3 done")).toBeDefined();
  });
});
