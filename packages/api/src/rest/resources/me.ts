import { ZUser } from "@agendacraft/domain/iam";
import { singleOperation } from "../rest-operation.ts";
import { nameRestOutput } from "../rest-schema.ts";

nameRestOutput(ZUser, "User");

export const meOperations = [
  singleOperation({
    method: "get",
    path: "/me/",
    operationId: "getMe",
    tag: "Me",
    summary: "Get the signed-in person",
    description: "The owner of the API token: name, email and the time zone dates are planned in.",
    status: 200,
    response: ZUser,
    run: ({ caller }) => caller.iam.me(),
  }),
];
