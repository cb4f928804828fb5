/**
 * Docker runtime for hosts that run containers.
 */
import { defineModule, docker } from "typeflake";

export default defineModule({
  description: "Docker runtime setup",
  services: { docker: docker({ autoPrune: { dates: "weekly" }, users: ["deploy"] }) },
});
