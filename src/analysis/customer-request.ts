/**
 * Whether a problem is a customer writing to a business about something they bought: a refund,
 * a booking to check, a repair visit. Such a message asks the business to serve its writer, not
 * to hire anyone, whatever app or website it mentions on the way.
 */

/** The writer as the buyer: "I ordered", "we were charged", "my booking". */
const BOUGHT =
  /\b(?:(?:i|we)\s+(?:(?:have|had|just)\s+)?(?:ordered|booked|bought|purchased|paid)|(?:i|we)\s+(?:was|were|got|have been|['’]ve been)\s+(?:charged|billed)|my\s+(?:order|booking|purchase|delivery|parcel|card|refund|reservation|subscription|ticket)s?)\b/i;

/** A polite request made to the reader: "please", "could someone", "we'd like". */
const REQUESTED =
  /\b(?:please|could (?:you|someone|somebody)|can (?:you|someone|somebody)|(?:i|we)\s*(?:['’]d|would) like)\b/i;

/** True when the writer speaks as someone who bought from the reader and asks them for service. */
export const isCustomerRequest = (text: string): boolean =>
  BOUGHT.test(text) && REQUESTED.test(text);
