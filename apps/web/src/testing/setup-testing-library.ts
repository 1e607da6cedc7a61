import { configure } from "@testing-library/react";

// Screens here talk to a real server process, which a busy CI machine can slow well past
// Testing Library's 1 s default; waiting longer only costs time when something is wrong.
configure({ asyncUtilTimeout: 10_000 });
