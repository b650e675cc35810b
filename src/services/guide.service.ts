import { notFound, roleKey, type Role } from '../domain/index.js';
import {
  presentGuide,
  renderGuide,
  type GuideFormat,
  type GuideInput,
  type GuideView,
  type SpotTerms,
} from '../guides/index.js';
import { findTaxonomy, findTerms, roleNames } from '../store/index.js';
import type { Actor, ServiceContext } from './context.js';
import { getRole, type RoleRef } from './role.service.js';

export interface GuideOptions {
  /** Origin for absolute URLs in JSON-LD; '' keeps links site-relative. */
  baseUrl?: string;
  actor?: Actor | undefined;
  /** Finds glossary terms to link; the library's own spotter unless given. */
  spotTerms?: SpotTerms | undefined;
}

/** Everything one guide shows, resolved from the store: terms, examples, related roles, codes. */
export const loadGuideInput = async (
  ctx: ServiceContext,
  role: Role,
  options: GuideOptions = {},
): Promise<GuideInput> => {
  const db = ctx.store.db;
  const taxonomy = await findTaxonomy(db, role.taxonomy);
  if (!taxonomy) throw notFound(`Taxonomy ${role.taxonomy}`);
  const terms = await findTerms(db, role.terms);
  const examples = await findTerms(
    db,
    [...terms.values()].flatMap((t) => t.examples),
  );
  // A guide names only published roles: an unpublished one is left out, as every public read
  // leaves it out, so its name and code stay unpublished work (lint warns of it).
  const names = await roleNames(db, [...role.relatedRoles, ...role.crosswalk], {
    publishedOnly: true,
  });
  const { spotter } = await ctx.library.get();
  const spotTerms: SpotTerms = options.spotTerms ?? ((text) => spotter.spot(text));
  const { createdAt: _c, updatedAt: _u, ...taxonomyInput } = taxonomy;
  return {
    role,
    taxonomy: taxonomyInput,
    terms: role.terms.flatMap((slug) => terms.get(slug) ?? []),
    examples,
    related: role.relatedRoles.flatMap((r) => {
      const name = names.get(roleKey(r.taxonomy, r.code));
      return name ? [{ ...r, name }] : [];
    }),
    counterparts: role.crosswalk.map((c) => {
      const name = names.get(roleKey(c.taxonomy, c.code));
      return name ? { ...c, name } : c;
    }),
    baseUrl: options.baseUrl ?? '',
    spotTerms,
  };
};

export const getGuideView = async (
  ctx: ServiceContext,
  ref: RoleRef,
  options: GuideOptions = {},
): Promise<GuideView> => {
  const role = await getRole(ctx, ref, options.actor);
  return presentGuide(await loadGuideInput(ctx, role, options));
};

/** One guide in one format, with the media type to send it as. */
export const renderRoleGuide = async (
  ctx: ServiceContext,
  ref: RoleRef,
  format: GuideFormat,
  options: GuideOptions = {},
): Promise<{ body: string; contentType: string }> => {
  const role = await getRole(ctx, ref, options.actor);
  return renderGuide(presentGuide(await loadGuideInput(ctx, role, options)), format);
};
