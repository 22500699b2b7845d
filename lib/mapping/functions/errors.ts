/** A mapping function refused its arguments; the message is written for the merchant and becomes the field's reason. */
export class MapperFunctionError extends Error {
  override name = 'MapperFunctionError';
}
