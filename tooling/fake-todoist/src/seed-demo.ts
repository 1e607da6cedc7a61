import type { SeededIds } from "./seed.ts";
import type { FakeTodoist } from "./start-fake-todoist.ts";

/**
 * A small account that shows every kind of thing AgendaCraft imports: a parent project with a
 * sub-project, sections, labels, sub-tasks, durations, a deadline, timed and date-only dues,
 * and recurring tasks (from the due date and from completion).
 */
export function seedDemoAccount(fake: FakeTodoist, email: string, now = new Date()): SeededIds {
  const day = (offset: number) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
    return date.toISOString().slice(0, 10);
  };
  return fake.seed(email, {
    labels: ["deep-work", "errand", "waiting"],
    inboxTasks: [
      { content: "Call the dentist", priority: 3, labels: ["errand"], due: { date: day(1), string: "tomorrow" } },
      { content: "Read the AgendaCraft README", duration: { amount: 20, unit: "minute" } },
    ],
    projects: [
      {
        name: "Work",
        sections: ["This week", "Later"],
        tasks: [
          {
            content: "Write the quarterly report",
            section: "This week",
            priority: 4,
            labels: ["deep-work"],
            duration: { amount: 120, unit: "minute" },
            deadline: { date: day(4) },
            due: { date: day(2), string: day(2) },
            subTasks: [
              { content: "Collect the numbers", duration: { amount: 30, unit: "minute" } },
              { content: "Draft the summary", duration: { amount: 45, unit: "minute" } },
            ],
          },
          {
            content: "Review pull requests",
            due: { string: "every weekday" },
            duration: { amount: 30, unit: "minute" },
          },
          { content: "Team retrospective notes", section: "Later", due: { string: "every 2 weeks" } },
        ],
        children: [
          {
            name: "Website",
            sections: ["Design"],
            tasks: [
              { content: "Pick a colour palette", section: "Design", labels: ["waiting"], priority: 2 },
              {
                content: "Publish the launch post",
                priority: 3,
                due: { datetime: `${day(3)}T09:00:00Z`, timezone: "UTC", string: `${day(3)} 09:00` },
                duration: { amount: 1, unit: "day" },
              },
            ],
          },
        ],
      },
      {
        name: "Home",
        tasks: [
          { content: "Water the plants", due: { string: "every! 3 days" } },
          { content: "Take out the recycling", labels: ["errand"], due: { string: "every monday" } },
          { content: "Plan the weekend trip", description: "Train or car?", duration: { amount: 60, unit: "minute" } },
        ],
      },
      {
        name: "Learning",
        tasks: [
          { content: "Practice Spanish", due: { string: "every day" }, duration: { amount: 15, unit: "minute" } },
        ],
      },
    ],
  });
}
