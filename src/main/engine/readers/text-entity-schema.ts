/**
 * A text entity as exports carrying Chat Vault's own fields write it: the contract's entity,
 * with its type limited to the types readers know (records.ts).
 */
import * as z from 'zod';
import { TextEntitySchema as ContractTextEntitySchema } from '../../../shared/contract';
import { TEXT_ENTITY_TYPES } from './records';

export const TextEntitySchema = ContractTextEntitySchema.extend({
  type: z.enum(TEXT_ENTITY_TYPES),
});
