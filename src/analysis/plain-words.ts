/**
 * Words that say who is speaking or what someone is hiring for outside technology. Problems
 * come from founders, HR generalists, operations managers and agency recruiters; "my client
 * needs", "we're hiring" and "looking for" frame a request without describing it, and a nurse,
 * a driver or a plumber is work no technology role does. Phrases are matched on word stems,
 * like the concept map, and the words they cover stop counting as evidence.
 */
export const FRAMING = `my client, our client, the client, client is, client needs, client wants,
  client has, client's, clients, clinet, thier client, we are hiring, we're hiring, were hiring,
  hiring a, hiring an, hiring for, we hire, looking for, looking to hire, we need someone,
  need someone, someone who, someone to, someone for, recruit, recruiting, recruiter, recruiters,
  agency, hr, human resources, hr generalist, i run operations, operations manager, ops manager,
  founder, cofounder, co founder, as a founder, candidate, candidates, vacancy, vacancies,
  position, role, job, job ad, job advert, applicants, asap, start on monday, start monday,
  from september, full time, part time, per hour, salary, commission, commission based`;

/** Work that no technology role does, in the words people use to ask for it. */
export const OTHER_WORK = `nurse, nurses, nursing, dental nurse, night shift, night shifts,
  shift work, care ward, ward, carer, carers, care assistant, care assistants, care home,
  elderly, residents, patients, driver, drivers, delivery drivers, van drivers, clean licence,
  driving licence, lorry, lorries, van, vans, parcel, parcels, parcel forklift,
  pickers and packers, picking and packing, pick and pack, warehouse pickers, bookkeeper, bookkeeping, vat, vat returns,
  accountant, accountants, year end accounts, payroll, payroll clerk, receptionist,
  answer phones, greet visitors, chef, head chef, cook, cooks, kitchen porter, kitchen porters,
  waiter, waiters, waitress, barista, baker, bakery, bakers, cleaner, cleaners, clean the office,
  plumber, plumbing, toilets, roof, roofer, electrician, rewire,
  mechanic, mechanics, service them, teacher, teachers, teaching, primary school, year 3,
  nanny, creche, childcare, lawyer, lawyers, solicitor, shareholder agreement, contract law,
  shop assistant, shop assistants, shop floor, cashier, cashiers, retail assistant,
  sales rep, sales reps, furniture, hotels, hotel, security guard, guard, car park,
  groundskeeper, gardener, gardens, mow, flower beds, physiotherapist, physio, 
  hairdresser, salon, office manager, order supplies, book travel, translator,
  translation, interpreter, pharmacist, pharmacy, site manager, construction, building site,
  housing project, copywriter, brochures, packaging, surveyor, chartered surveyor, valuations,
  property, food arrives cold, food, restaurant, restaurants, call centre, absence,
  instagram, social media, cakes, onboarding paperwork, holiday requests,
  hr assistant, interview panel, warehouse operative, labourer, labourers,
  driving, routes, breaking down, break down, broke down, brakes, tyres`;
