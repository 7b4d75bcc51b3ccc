// The confidentiality boundary: a disclosure check with Cedar's semantics over the field's rules, note mention
// scanning and redaction, and audit records.
export {};
