export { getOnboardingProgress } from "./get-onboarding-progress.ts";
export { type OnboardingProgressDto, ZOnboardingProgress } from "./schemas.ts";
