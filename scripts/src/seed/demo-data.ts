/** The demo account `pnpm db:seed` creates; the README tells people to sign in with it. */
export const DEMO_USER = {
  name: "Dana Demo",
  email: "demo@agendacraft.dev",
  password: "agendacraft-demo",
} as const;

export const DEMO_AREAS = [
  { key: "work", name: "Work", color: "#2563EB" },
  { key: "home", name: "Home", color: "#16A34A" },
] as const;

export const DEMO_PROJECTS = [
  { key: "website", name: "Website relaunch", color: "#7C3AED", area: "work" },
  { key: "report", name: "Quarterly report", color: "#DB2777", area: "work" },
  { key: "garden", name: "Garden", color: "#65A30D", area: "home" },
  { key: "errands", name: "Errands", color: "#EA580C", area: "home" },
] as const;

export const DEMO_PLANNERS = [
  { name: "Work hours", recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", startTime: "09:00", minutes: 480 },
  { name: "Weekday evenings", recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH", startTime: "19:00", minutes: 90 },
  { name: "Weekend mornings", recurrence: "FREQ=WEEKLY;BYDAY=SA,SU", startTime: "10:00", minutes: 180 },
] as const;

type ProjectKey = (typeof DEMO_PROJECTS)[number]["key"];

/** [summary, project, minutes, priority, due in days (or null)] */
const TASK_ROWS: [string, ProjectKey | null, number, number, number | null][] = [
  ["Sketch the new landing page", "website", 90, 4, 3],
  ["Write copy for the pricing page", "website", 60, 3, 5],
  ["Pick a font pairing", "website", 30, 1, null],
  ["Set up redirects from the old URLs", "website", 45, 3, 7],
  ["Accessibility pass on forms", "website", 120, 4, 10],
  ["Compress hero images", "website", 20, 2, null],
  ["Review analytics goals with marketing", "website", 45, 2, 6],
  ["Migrate blog posts", "website", 180, 3, 14],
  ["Test the checkout on mobile", "website", 60, 5, 4],
  ["Announce the launch date internally", "website", 15, 2, 8],
  ["Collect revenue figures", "report", 60, 5, 2],
  ["Draft the executive summary", "report", 90, 4, 4],
  ["Chart customer growth", "report", 45, 3, 4],
  ["Ask finance about the forecast", "report", 15, 4, 1],
  ["Proofread the report", "report", 60, 3, 6],
  ["Book the board meeting room", "report", 10, 2, 5],
  ["Prepare slides for the review", "report", 120, 4, 7],
  ["Archive last quarter's drafts", "report", 20, 0, null],
  ["Plant tomato seedlings", "garden", 60, 2, 9],
  ["Fix the fence gate", "garden", 45, 3, 12],
  ["Order compost", "garden", 10, 1, 5],
  ["Prune the apple tree", "garden", 90, 2, 20],
  ["Clean the gutters", "garden", 60, 3, null],
  ["Buy birthday present for Sam", "errands", 30, 4, 3],
  ["Renew passport", "errands", 45, 5, 14],
  ["Return library books", "errands", 15, 2, 2],
  ["Drop off dry cleaning", "errands", 15, 1, null],
  ["Get bike serviced", "errands", 30, 2, 10],
  ["Pay the electricity bill", "errands", 10, 5, 1],
  ["Call the dentist", "errands", 10, 3, 4],
  ["Reply to Alex about the conference", null, 15, 3, 2],
  ["Read the architecture RFC", null, 45, 2, 5],
  ["Clear the inbox", null, 30, 1, null],
  ["Update the team wiki", null, 60, 2, 9],
  ["Plan next sprint", null, 60, 4, 3],
  ["Back up the laptop", null, 20, 3, 7],
  ["Sort out travel expenses", null, 30, 3, 6],
  ["Write thank-you notes", null, 20, 1, null],
  ["Research standing desks", null, 30, 0, null],
  ["Learn the new CI pipeline", null, 90, 2, 12],
  ["Try the new bakery", null, 30, 0, null],
  ["Organise photos from the trip", null, 60, 1, null],
  ["Check the car tyres", null, 15, 2, 8],
  ["Schedule a 1:1 with Jordan", null, 10, 3, 3],
  ["Draft a talk proposal", null, 90, 2, 15],
  ["Review pull requests", null, 45, 4, 1],
];

export const DEMO_TASKS = TASK_ROWS.map(([summary, project, minutes, priority, dueInDays]) => ({
  summary,
  project,
  minutes,
  priority,
  dueInDays,
}));

/** Recurring tasks, counted from their first occurrence tomorrow at a local time. */
export const DEMO_RECURRING_TASKS = [
  {
    summary: "Daily stand-up",
    minutes: 15,
    priority: 3,
    recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    localTime: "09:30",
  },
  { summary: "Weekly review", minutes: 45, priority: 3, recurrence: "FREQ=WEEKLY;BYDAY=FR", localTime: "16:00" },
  { summary: "Water the plants", minutes: 10, priority: 1, recurrence: "FREQ=DAILY;INTERVAL=2", localTime: "08:00" },
  { summary: "Pay rent", minutes: 10, priority: 5, recurrence: "FREQ=MONTHLY;BYMONTHDAY=1", localTime: "10:00" },
] as const;
