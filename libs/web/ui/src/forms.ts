// The form fields, apart from the main entry point (index.ts) because they bring Angular's forms
// and Material's form field: the shell and the pages without a form stay without them.
export { FieldError } from './lib/field-error';
export { PhoneField } from './lib/phone-field';
