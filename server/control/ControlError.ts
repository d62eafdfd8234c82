/**
 * What control-plane calls throw, in-process (SandboxControl) or over /__admin: `status` is the HTTP
 * status the same call gets over /__admin, answered there as `{ "error": { "message": ... } }`.
 */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** @deprecated Renamed ControlError (the control plane throws it in-process too); the same class, so `instanceof` holds. */
export const AdminError = ControlError;
/** @deprecated Renamed ControlError. */
export type AdminError = ControlError;
