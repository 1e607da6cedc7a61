import type { JobSender } from "@agendacraft/db/jobs";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/db.ts";
import type { EventRecorder } from "../../shared/events/event-recorder.ts";
import type { SecretKeyring } from "../../shared/secrets/secret-keyring.ts";
import type {
  ConnectTodoistInput,
  DisconnectTodoistInput,
  TodoistConnectUrlInput,
  TodoistStatusDto,
  TodoistSyncAnswer,
} from "../schemas.ts";
import type { TodoistConfig } from "../todoist-config.ts";

// CONTRACT ONLY: helper tdconnect replaces these with one file per service.

type Deps = {
  db: Db;
  config: TodoistConfig;
  secrets: SecretKeyring;
  clock: Clock;
  events: EventRecorder;
  jobs: JobSender;
};

export async function connectTodoistWithToken(
  _input: Deps & { actorId: string; input: ConnectTodoistInput },
): Promise<TodoistStatusDto> {
  throw new Error("not built yet");
}

export async function createTodoistConnectUrl(
  _input: Pick<Deps, "db" | "config" | "clock"> & { actorId: string; input: TodoistConnectUrlInput },
): Promise<{ url: string }> {
  throw new Error("not built yet");
}

export async function disconnectTodoist(
  _input: Deps & { actorId: string; input: DisconnectTodoistInput },
): Promise<{ disconnected: true }> {
  throw new Error("not built yet");
}

export async function getTodoistStatus(
  _input: Pick<Deps, "db" | "config"> & { actorId: string },
): Promise<TodoistStatusDto> {
  throw new Error("not built yet");
}

export async function syncTodoistNow(_input: Deps & { actorId: string; waitMs?: number }): Promise<TodoistSyncAnswer> {
  throw new Error("not built yet");
}
