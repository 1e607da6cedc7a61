import type { FakeGoogle } from "./start-fake-google.ts";

/** Meetings this week (Monday to Friday, in the account's calendar zone) so the demo has busy time to plan around. */
export function seedDemoMeetings(fake: FakeGoogle, email: string, now = new Date()): number {
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const day = (offset: number) => {
    const date = new Date(monday);
    date.setUTCDate(date.getUTCDate() + offset);
    return date.toISOString().slice(0, 10);
  };
  const timeZone = fake.calendars(email)[0]?.timeZone ?? "UTC";
  const at = (offset: number, time: string) => ({ dateTime: `${day(offset)}T${time}:00`, timeZone });
  const meetings = [
    { summary: "Team stand-up", start: at(0, "09:30"), end: at(0, "09:45") },
    { summary: "Planning with Grace", start: at(1, "11:00"), end: at(1, "12:00") },
    { summary: "Lunch with Charles", start: at(2, "12:30"), end: at(2, "13:30"), transparency: "opaque" as const },
    { summary: "Deep work", start: at(2, "14:00"), end: at(2, "16:00"), eventType: "focusTime" as const },
    { summary: "Customer call", start: at(3, "15:00"), end: at(3, "15:30") },
    { summary: "Optional talk", start: at(4, "10:00"), end: at(4, "11:00"), transparency: "transparent" as const },
    { summary: "Conference", start: { date: day(4) }, end: { date: day(5) } },
  ];
  for (const meeting of meetings) fake.addEvent(email, meeting);
  return meetings.length;
}
