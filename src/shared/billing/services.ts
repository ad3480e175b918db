// Which services an account is billed for. Shared by the charge run and the demo history, so the
// demo's stored charges are the ones a run would compute.

/** Billed on every account; hot water and gas only where a meter shows the account has them. */
export const ALWAYS_BILLED: readonly string[] = ['electricity', 'cold_water', 'wastewater', 'solid_waste']
/** Billed by area in a block of flats; a private house heats itself. */
export const HEATING = 'heating'

/** The codes of the services billed on an account, unordered. */
export function billedServiceCodes(meterServiceCodes: Iterable<string>, inBlock: boolean): Set<string> {
  const codes = new Set(ALWAYS_BILLED)
  for (const code of meterServiceCodes) codes.add(code)
  if (inBlock) codes.add(HEATING)
  return codes
}
