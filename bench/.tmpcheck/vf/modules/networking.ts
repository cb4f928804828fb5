import { defineModule } from "typeflake";

export default defineModule({
  description: "Shared network settings",
  nixos: { networking: { nameservers: ["1.1.1.1", "9.9.9.9"] } },
});
