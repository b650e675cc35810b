import { describe, expect, it } from 'vitest';
import { makeTerm } from '../../test/fixtures/analysis/factories.js';
import { TermSpotter } from './term-spotter.js';
import { withVendorProducts } from './vendor-products.js';

const spotter = TermSpotter.build([
  makeTerm('aws', 'AWS', { aliases: ['Amazon Web Services'] }),
  makeTerm('aws-glue', 'AWS Glue'),
  makeTerm('amazon-s3', 'Amazon S3', { aliases: ['S3'] }),
]);

const slugs = (text: string) =>
  withVendorProducts(text, spotter.spot(text), spotter).map((h) => [h.text, h.slug]);

describe('withVendorProducts', () => {
  it("reads a product listed in brackets after its vendor as the vendor's product", () => {
    expect(slugs('Strong SQL, AWS (S3, Glue), Kafka')).toContainEqual(['Glue', 'aws-glue']);
  });

  it('keeps the bracketed names the text already names on their own', () => {
    expect(slugs('Strong SQL, AWS (S3, Glue), Kafka')).toEqual([
      ['AWS', 'aws'],
      ['S3', 'amazon-s3'],
      ['Glue', 'aws-glue'],
    ]);
  });

  it('reads nothing into a bracketed word that is no product of the vendor', () => {
    expect(slugs('AWS (glue code welcome)')).toEqual([['AWS', 'aws']]);
  });
});
