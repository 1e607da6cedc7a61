import { createAgendaCraftClient } from "@agendacraft/client";
import { APP_ORIGIN, type SignedUp } from "./sign-up.ts";

/** The typed client acting as this person, to arrange data before rendering a screen. */
export function apiFor(person: SignedUp) {
  return createAgendaCraftClient({ url: `${person.url}/trpc`, headers: { cookie: person.cookie, origin: APP_ORIGIN } });
}
