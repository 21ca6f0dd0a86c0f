import { type CommissionModel, ZERO } from '@ml4t/core';

/** No commission (the default). */
export function noCommission(): CommissionModel {
  return { name: 'none', pure: true, commission: () => ZERO };
}
