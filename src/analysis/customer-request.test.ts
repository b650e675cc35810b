import { describe, expect, it } from 'vitest';
import { isCustomerRequest } from './customer-request.js';

describe('isCustomerRequest', () => {
  it('reads a buyer asking for a refund as a customer request', () => {
    expect(
      isCustomerRequest('I was charged twice for my order. Please refund the duplicate.'),
    ).toBe(true);
  });

  it('reads a booking the writer made and wants checked as a customer request', () => {
    expect(isCustomerRequest('I booked a table on your site. Could someone confirm it?')).toBe(
      true,
    );
  });

  it('reads no request where a buyer only tells what happened', () => {
    expect(isCustomerRequest('we ordered new laptops and they arrived late')).toBe(false);
  });

  it('reads no customer where a business asks for help with its own customers’ orders', () => {
    expect(
      isCustomerRequest('customers say their order never shows up, could you tell us who to hire'),
    ).toBe(false);
  });
});
