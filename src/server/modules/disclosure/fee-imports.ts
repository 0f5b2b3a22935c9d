// Import type `fee_items`: a unit's 行政事业性收费 of a year (the finance office's year-end figures),
// through the same command as the form.
import { FEE_ITEM } from '../../../shared/schemas/fees.ts';
import { recordImport } from '../../kernel/imports/from-record.ts';
import { createFee, updateFee } from './fees.ts';

export const feeItemsImport = recordImport(FEE_ITEM, { type: 'fee_items', title: '行政事业性收费', permission: 'foi.manage', example: 'SF-2025-01', commands: { create: createFee, update: updateFee } });
