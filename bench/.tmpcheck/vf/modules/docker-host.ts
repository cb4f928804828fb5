import { defineModule } from "typeflake";

export default defineModule({
  description: "Docker runtime",
  nixos: { virtualisation: { docker: { enable: true, autoPrune: { enable: true } } } },
  users: { deploy: { extraGroups: ["docker"] } },
});
