export { checkReadiness, type ReadinessProbe } from "./check-readiness.ts";
export { getHealth } from "./get-health.ts";
export { getInstanceInfo } from "./get-instance-info.ts";
export {
  type HealthDto,
  type InstanceInfoDto,
  type ReadinessCheckDto,
  type ReadinessDto,
  ZHealth,
  ZInstanceInfo,
  ZReadiness,
  ZReadinessCheck,
} from "./schemas.ts";
