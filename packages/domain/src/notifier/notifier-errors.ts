import { DomainError } from "../shared/errors.ts";

export function userNotFound(): DomainError {
  return new DomainError({ kind: "NOT_FOUND", code: "iam.user_not_found", message: "This account no longer exists." });
}

export function liveNotificationsUnavailable(): DomainError {
  return new DomainError({
    kind: "UNAVAILABLE",
    code: "notifier.live_unavailable",
    message: "Live notifications are not available on this server; reload to see new ones.",
  });
}

export function notificationNotFound(): DomainError {
  return new DomainError({
    kind: "NOT_FOUND",
    code: "notifier.notification_not_found",
    message: "There is no such notification.",
  });
}
