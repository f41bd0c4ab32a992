/**
 * Thai formats (DOMAIN §4): normalisation, number words, dates, durations, phone numbers,
 * e-mail addresses and national IDs. Small pure modules with no I/O.
 */

export * from './normalize';
export * from './numbers';
export * from './dates';
export * from './durations';
export * from './phones';
export * from './nationalId';
