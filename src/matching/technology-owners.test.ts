import { describe, expect, it } from 'vitest';
import { TechnologyOwners } from './technology-owners.js';

describe('TechnologyOwners', () => {
  it('finds the roles listing a technology by its name as titles are normalized', () => {
    const owners = new TechnologyOwners();
    owners.set(0, ['GitHub Actions']);
    owners.set(1, ['GitHub Actions', 'Jenkins']);
    expect(owners.rolesNaming('github action')).toEqual([0, 1]);
  });

  it('finds a role by an ending of a name of several words, apart from whole names', () => {
    const owners = new TechnologyOwners();
    owners.set(0, ['Apache Airflow']);
    expect(owners.rolesEndingIn('airflow')).toEqual([0]);
    expect(owners.rolesNaming('airflow')).toBeUndefined();
  });

  it('reads a bracketed name as another name of the technology', () => {
    const owners = new TechnologyOwners();
    owners.set(3, ['Adobe Commerce (Magento)']);
    expect(owners.rolesNaming('magento')).toEqual([3]);
    expect(owners.rolesNaming('adobe commerce')).toEqual([3]);
  });

  it('gives the name as the role lists it for a name or an ending matched', () => {
    const owners = new TechnologyOwners();
    owners.set(0, ['Snowflake', 'Apache Airflow']);
    expect(owners.nameOf(0, 'airflow')).toBe('Apache Airflow');
  });

  it('forgets what a role listed before its technologies are set again', () => {
    const owners = new TechnologyOwners();
    owners.set(0, ['Splunk']);
    owners.set(0, ['Datadog']);
    expect(owners.rolesNaming('splunk')).toBeUndefined();
    expect(owners.rolesNaming('datadog')).toEqual([0]);
  });

  it('forgets a dropped role', () => {
    const owners = new TechnologyOwners();
    owners.set(0, ['Splunk']);
    owners.set(1, ['Splunk']);
    owners.drop(0);
    expect(owners.rolesNaming('splunk')).toEqual([1]);
  });
});
