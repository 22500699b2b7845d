/**
 * The data mapper: merchants' JSONata expressions turned into AccountView (or BigCommerce) records, safely.
 *
 * A mapping is data (`RecordMapping`): per target field a JSONata expression, an optional type, `required` and
 * `create-only`. `compileMapping` compiles it once; `evaluate` maps one input. Expressions see the input as `$`,
 * the whole input as `$root`, the caller's bindings as `$name`, and these functions besides JSONata's own:
 * `$splitAddress`, `$formatPostcode`, `$vatCode` (table: the `$vatTable` binding, default DEFAULT_VAT_TABLE),
 * `$round` (half away from zero, replacing JSONata's), `$cents`, `$trimTo`, `$nameSplit`, `$countryIso2`.
 * `$eval` is switched off. Every expression is time-boxed, depth- and size-capped (see sandbox.ts).
 */
export { compileMapping } from './compile';
export { validateMapping } from './validate';
export { mergeMapping } from './merge';
export {
  MappingCompileError,
  MappingError,
  MappingEvaluationError,
  MappingLimitError,
  MappingTimeoutError,
  MappingTypeError,
  type MappingLimit,
} from './errors';
export { DEFAULT_LIMITS } from './limits';
export { fieldMappingSchema, mappingOverridesSchema, recordMappingSchema } from './schemas';
// The functions expressions call as `$name`, for flows that need the same rules in code.
export { DEFAULT_VAT_TABLE, vatCode, VatCodeError, vatTableSchema, type VatTable } from './functions/vat-code';
export { countryIso2, EU_COUNTRIES } from './functions/countries';
export { cents, roundHalfAwayFromZero } from './functions/money';
export { nameSplit, type SplitName } from './functions/name-split';
export { formatPostcode } from './functions/postcode';
export { splitAddress, type SplitAddress } from './functions/split-address';
export { trimTo } from './functions/text';
export type {
  CompiledMapping,
  EvaluateOptions,
  EvaluationMode,
  FieldMapping,
  FieldMode,
  FieldType,
  MapperFunction,
  MapperOptions,
  MappingOverrides,
  MappingProblem,
  MappingResult,
  MappingValidation,
  ProblemKind,
  RecordMapping,
} from './types';
