/**
 * The `services` section of a host or module: one typed builder per service.
 */
import { z } from "zod";

/** Services a host or module runs; each key is one typed service builder. */
export const servicesSchema = z.strictObject({});

export type ServicesInput = z.input<typeof servicesSchema>;
export type Services = z.output<typeof servicesSchema>;
