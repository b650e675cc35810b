import { FRAMING, OTHER_OCCUPATIONS, OTHER_WORK, THINGS } from './plain-words.js';
import { insideAnySpan } from './span-cover.js';
import { isStopword, sameWord, stem, words, type Token } from './words.js';

/**
 * Our own small concept map: plain words people use for a problem, and the words a guide uses
 * for the same thing, meet at one concept ("fell over", "went down", "outage" → outage). It
 * names no role: the library's signs, benefits and responsibilities decide who fits a concept.
 */
const LEXICON: Record<string, string> = {
  performance: `slow, slowness, sluggish, lag, laggy, latency, takes ages, take ages, taking ages,
    take forever, takes forever, load time, loading time, seconds, spinner, timeout,
    times out, timed out, time out, response time, performance, speed, fast, faster,
    quickly, wait, waiting, long wait, bottleneck, froze, freezes, frozen, freeze, clunky,
    jump around, hangs,
    painfully slow, really slow, so slow, crawl, crawls, crawling, slow to load, loads slowly, ages to load, forever to load, spinning wheel, unresponsive, stuck loading, lags, lagging`,
  outage: `going down, keeps going down, goes offline, went offline, crash, crashes, crashed, crashing, fell over, falls over, fall over, falling over,
    went down, goes down, go down, is down, was down, were down, outage, downtime,
    offline, unavailable, error page, errors, broke, broken, stopped working,
    stops working, keeps failing, fails, failure, incident, incidents, uptime, site reliability,
    reliability, reliable, availability, up and running,
    not working, down again, blank page, white screen, error message, error messages, unreachable, cant get on, can t get on, wont load, won t load, doesnt load, doesn t load`,
  traffic: `sale, sales day, black friday, peak, peaks, spike, spikes, rush, busiest day, busiest time, busiest days, busy day,
    traffic, surge, launch day, newsletter, campaign, under load, heavy load, high load, scale,
    scaling, scalability, more users, millions of users, more visitors, rush of visitors`,
  breach: `gets hacked, got hacked, getting hacked, hacked into, got into our systems,
    got into our system, broke into, breach, breached, hacked, hack, hacker, hackers, attacker, attackers, attack,
    attacks, stolen, stole, leak, leaked, ransomware, phishing, malware, virus,
    compromised, intrusion, suspicious, vulnerability, vulnerabilities, weakness,
    weaknesses, security, secure, threat, threats, exploit, break in, broke in, cyber,
    got into, get into, gets into, got in, lock down, locks down, locked down, lock this down, lock it down,
    scam, scammed, scammers, impersonating, impersonated, spoofed, spoof, account taken over, accounts taken over, password leaked, passwords leaked, dark web, data stolen, cyber attack, cyberattack,
    card details, credit card details, locked down properly, locked down, make it safe, safe from attack, safe from hackers, secure from the ground up, secure by design, store passwords, store customer passwords,
    protect, protection, protected, protecting, defences, defenses, defend, two factor, two step, 2fa, mfa, authenticator, codes on phones, code on their phone, code on your phone, text codes, code by text`,
  audit: `audit, auditor, auditors, compliance, compliant, soc 2, iso 27001, gdpr, hipaa, pci,
    certification, security questionnaire, regulator, regulators, prove, proof,
    evidence, policies, policy, access reviews, questionnaires, risk register, controls, governance, audit season, grc, iso,
    iso27001, cyber essentials, data protection, iso certification, accreditation, due diligence questionnaire, insurer asked, information security policies, supplier checks, vendor risk`,
  'attack-test': `pen test, pentest, penetration test, penetration testing, ethical hacker,
    ethical hacking, test our defences, test our defenses, try to break in, red team,
    simulate an attack, find holes, holes,
    break into our app, tried to break in, tried to break into, someone independent, independent test, independent testing, proof that someone,
    try and break in, try and break into, try to break into, way a hacker would, like a hacker would, as a hacker would, think like a hacker, attack us on purpose, hack us on purpose, on purpose, where the holes are, find the holes, find weaknesses`,
  payments: `payment, payments, take payments, checkout, card payments, credit card, credit cards,
    subscription, subscriptions, invoice, invoices, stripe, paypal, adyen, refund, refunds,
    take money, payment provider, payment providers,
    card machine, card machines, card terminal, card terminals`,
  integration: `talk to, talks to, dont talk, don t talk, doesnt talk, doesn t talk, dont talk to each other, update on their own,
    fits into, existing systems, integrate, integration, integrations, connect, connects, connected,
    talk to each other, partner, partners, third party, third-party, provider, providers,
    api, apis, sync, exchange data, webhook, plug into,
    typed into, retyped into, between the two, electronically, edi, orders and invoices, vanish, vanishes, disappears between, middleware, two systems, systems integration,
    dont reach, don t reach, doesnt reach, doesn t reach, never arrive, never arrives, never shows up, never show up, not coming through,
    hook up, hooked up, link up, linked up, feed between, feeds between, zapier, connect them, join them up, join up,
    flow into, dont flow, don t flow, doesnt flow, doesn t flow, not flowing, flows through, between the systems`,
  'data-mess': `duplicate, duplicates, duplicated, missing records, records, inconsistent, disagree,
    mess, messy, source of truth, data quality, wrong numbers, numbers, cleaning data, cleaning the same data, clean data,
    clean up data, over and over, nobody trusts, dont trust, don t trust`,
  reporting: `report, reports, reporting, dashboard, dashboards, spreadsheet, spreadsheets, excel,
    kpi, kpis, metrics, chart, charts, board meeting, weekly numbers, insight, insights,
    simple questions, questions like, sells best, which products, which product, dig into,
    campaign results, results, whats working, what s working, lots of data, make money, numbers,
    visualise, visualize, power bi, tableau, looker studio,
    sales data, sales figures, sales numbers, sales history, dig, dig through, figure out why, find out why, know why, went up, gone up,
    figures, stats, analysis, analyse, analyze, analysing, analyzing, trends, breakdown, break down by, weekly report, monthly report, pivot table, pivot tables, by store, by product, by branch, make sense of, understand our data,
    graphs, graph, click and filter, filter by, per region, by region, on a screen, one screen, each morning, every morning,
    look at the data, look at our data, look at it and tell us, tell us whats going on, tell us what s going on, whats going on, what the data says, what the numbers say, go through the numbers, crunch the numbers, data just sits there, sitting on data, all this data, make sense of it`,
  'data-pipeline': `pipeline, pipelines, move data, moving data, stale, data out of date, nightly job,
    nightly jobs, overnight job, data warehouse, warehouse, etl, ingest, data from, many systems,
    different systems, copy data, feeds, batch,
    every night, each night, overnight, nightly, in one place, into one place, one place, pulled together, brought together, flowing,
    raw numbers, raw data, usable shape, into a usable shape, the plumbing, data plumbing, getting data in, getting the data in,
    happen on its own, happens on its own, glue together, glue them together, stitch together,
    one big sheet, into one sheet`,
  'data-model': `metric definitions, definitions, different numbers, different revenue,
    argue about, who is right, their own way, own way, calculates, calculate, agreed,
    defines, differently, one version of the truth, same kpis, define metrics, modelled, modeled, dbt, transform,
    transformation, transformations, clean tables, trusted tables, semantic layer,
    same number`,
  prediction: `predict, predicts, prediction, predictions, forecast, forecasts, forecasting,
    recommend, recommendation, recommendations, personalise, personalize, personalised,
    churn, statistics, statistical, experiment, experiments, a b test, model, models,
    machine learning, patterns in data, why customers,
    stop coming, stopped coming, stop buying, stopped buying, stop ordering, about to leave, going to leave, likely to leave, which customers, purchase history, buying history, order history,
    how many we will need, demand, predict demand, forecast demand, plan ahead, likely to buy, likely to cancel, spot patterns, patterns,
    just luck, real or luck, statistically, significant, significance, guesses how much, how much stock`,
  'model-production': `deploy the model, model in production, models in production, notebook,
    notebooks, retrain, retraining, model drift, serve predictions, mlops,
    training pipeline, gpu, gpus,
    results get worse, getting worse every month, worse over time, accuracy drops, model is too slow, predictions are slow, recommendations are slow`,
  ai: `ai, chatbot, chat bot, assistant, llm, llms, chatgpt, gpt, generative,
    language model, openai, answers questions, answer customer questions, answers customer questions, summarise, summarize, copilot, agent,
    agents, prompt, prompts,
    gpt, ai tool, ai tools, ai assistant, chat gpt, automatic answers, answer questions automatically, help articles,
    draft replies, drafts replies, draft answers, read emails, reads emails, read our emails, summarise emails, sort emails, emails a day`,
  mobile: `mobile app, mobile apps, app store, mobile, iphone, ipad, ios, android, app store, play store, phone, phones,
    smartphone, tablet, push notification, push notifications`,
  'visual-design': `looks dated, dated, ugly, old fashioned, design, look and feel, layout, visual,
    visuals, colours, colors, fonts, icons, brand, branding, inconsistent screens, pixel,
    style, polish, polished, mockups, screens,
    pixel perfect, visual designer, design system, figma, mockup, looks amateur, looks cheap`,
  usability: `figure out, cant figure out, work out how, keep calling, calling us, confusing, confused, confuse, cant find, can not find, hard to use, difficult to use,
    drop off, drops off, abandon, abandoned, get lost, lost, usability, user experience,
    ux, frustrated, frustrating, give up, gave up, sign up, signup, onboarding flow,
    clicks, journey,
    redesign, redesigned, too many steps, many steps, steps,
    dont know what to do, don t know what to do, confusing flow, how it flows, hard to navigate, people get stuck, get stuck`,
  research: `assume, we assume, just assume, how people use, how customers use, how users use,
    watch them use, dont know what users want, what users want, what customers want, interview,
    interviews, feedback, survey, surveys, understand users, understand customers,
    user needs, customer needs, research, guessing, assumptions, observe, usability test,
    usability testing,
    user interviews, talk to users,
    sat down with, sit down with customers, talked to any of them, never talked to, find out properly, real users, sit with users, sit with real users, watch where,
    real customers, sessions with customers, watch how they, how they really use, how they use it,
    trips them up, sit with customers, sit with our customers, sit with their customers`,
  'product-direction': `roadmap, priorities, prioritise, prioritize, what to build, build next,
    features nobody uses, nobody uses, feature requests, strategy, vision, market,
    customers ask, competitors, product direction, product decisions, requirements,
    stakeholders, what they should build, should build, deciding what, what and why,
    build and why, priorities change, requests, sends requests,
    where the app is going, where the product is going, what goes in, what gets cut, what we build next, in charge of the product`,
  backlog: `backlog, user stories, user story, acceptance criteria, tickets, ticket, sprint goal,
    sprint goals, unclear requirements, vague requirements, what to do`,
  delivery: `deadline, deadlines, missed, late, delays, delayed, estimates, estimate, sprint,
    sprints, standup, stand up, agile, scrum, meetings, blocked, blockers, process,
    ceremonies, retrospective, velocity, predictable,
    two week cycles, week cycles, cycles, iterations, iteration, retros, stand ups,
    two week plans, fortnightly plans, meetings run over, meetings overrun, meetings go on, go on for hours, way of working, ways of working, working practices, coach the team, coach them, team coach, never finish what they plan, plans never get finished`,
  people: `team grew, growing team, morale, people leaving, leaving,
    quit, quitting, burnout, burned out, one on ones, career, careers, promotion,
    managers, manage, management, coaching, performance reviews,
    one to ones, 1 1s, 1:1s, hiring engineers, line manage, line management, unblock them, no manager,
    manage the devs, manage the developers, managing the devs, managing developers, one-to-ones, one to one, team lead for the devs,
    people manager, people managers`,
  'tech-strategy': `technology strategy, tech strategy, technical direction, tech decisions,
    technology decisions, investors, due diligence, board, tech budget, build or buy, vendor,
    vendors, technical vision, nobody technical, non technical founder,
    technical cofounder, co founder,
    technical partner, big calls, big technical calls, leadership team, top table, owns the technology,
    all the technology, direction on technology, technology direction`,
  architecture: `monolith, spaghetti, tangled, rewrite, technical debt, tech debt, legacy,
    big picture, system design, architecture, structure, modules, microservices,
    every change breaks, fragile, patchwork, held together,
    how it should be put together, how it is put together, put together properly, weekend hack, grew too fast, breaks three other things, breaks other things, knock on effects,
    split up, split into, splitting up, splitting into, split it up, divided into parts, broken into parts`,
  'code-leadership': `technical calls, pull request, argument, arguments, sets standards,
    setting the standard, set standards, senior setting, code review, code reviews, pull requests, coding standards, standards,
    junior developers, mentor, mentoring, guidance, lead the team, hands on,
    technical decisions, day to day decisions,
    review code,
    arguing about how to build, arguing, argue about how, settle it, settle arguments, technical disagreements, no senior developer, senior person to decide`,
  deployment: `release, releases, releasing, deploy, deploys, deployment, deployments, ship,
    shipping, manual release, manual steps, ci, cd, build breaks, pipeline,
    automate, automation, rollback, roll back, works on my machine,
    pushing code, push code, releases are manual, release day, deploys break,
    new version, new versions, put live, putting live, push live, pushing live, put it live, live server,
    a change live, changes live, changes go out, go out automatically, way back,
    version out, new version out, put out a new version, push out, pushing out, copying files over, copy files over, copy the files, files over by hand, upload the files, uploading files, ftp, release at night, releases at night, releasing, repeatable, automatic and repeatable, make releasing automatic`,
  cloud: `cloud, aws, azure, google cloud, servers, server, hosting, data centre, data center,
    migrate, migration, infrastructure, virtual machines, storage, kubernetes,
    containers, docker,
    move to the cloud, moving to the cloud, off our own servers, hosting costs,
    amazon, amazon web services, microsoft s online, online thing, rid of the server, rid of the servers, get rid of the server, into the cloud, to the cloud, up there, our bill up there, hosted online, move everything online`,
  cost: `bill, bills, expensive, costs, cost, spend, spending, overspend, waste`,
  monitoring: `on call, get paged, gets paged, pagerduty, alerts, alert, monitoring, nobody notices,
    find out from customers, customers tell us, logs, dashboards, observability, sla,
    slo, at night, nights, weekend, weekends, woken, woken up, wake up,
    customers rang us, customers ring us, customers call us, found out from customers, warning us, warn us, warn us before, keeping it up, keep it up,
    before the customers do, before customers do, before customers notice, hear about problems,
    hear about it first, angry tweets, middle of the night`,
  bugs: `bug, bugs, buggy, regression, regressions, glitch, glitches, defect, defects,
    quality, breaks, break, broken, errors, mistakes, wrong`,
  testing: `checks, check things, checks things, checks properly, checks before, test, tests, testing, tested, tester, manual testing, manual checks, click through,
    checklist, automated tests, test suite, regression suite, test scripts, coverage,
    before release, before each release, every release,
    qa, quality assurance, test cases, regression testing, slip through, slips through, find bugs, catch bugs, before we ship, before it goes out,
    check everything, check everything properly, check it properly, checked properly, checking properly, before updates go out, before updates, before each update, before it goes live, something else breaks, something else stops working, nobody checks, nobody tests`,
  database: `database, databases, queries, query, sql, tables, data loss, lost data, records,
    indexes, postgres, postgresql, mysql, oracle, sql server`,
  backup: `backup, backups, back up, restore, restored, recover, recovery, disaster, lost data,
    data loss, deleted by mistake`,
  network: `wifi, wi fi, network, networks, internet, connection, connectivity, vpn, router,
    routers, switch, switches, firewall, office connection, drops, bandwidth, cables,
    branch offices, three offices, between offices, other offices, video calls,
    signal, dead spots, dead zones, access point, access points, broadband, lan, ethernet, phone lines,
    second office, new office, both offices, share files between, share phones, one network, across town`,
  'it-help': `laptop, laptops, printer, printers, password, passwords, password reset,
    email account, email accounts, new starter, new starters, new joiners, helpdesk,
    help desk, computer, computers, install, installing, software installs, staff,
    employees, accounts, locked out, headset, monitor, tills, till, pcs, pc, back office,
    who to call, nobody to call, no one to call,
    tech support, it support, computer problems, computer issues, outlook, email not working, keyboard, mouse, scanner, scanners, desk phones, phone system, microsoft teams, office 365, microsoft 365, it help, forgot their password, forgetting passwords, forget passwords`,
  servers: `servers, server, patch, patches, patching, updates, linux, windows server,
    active directory, user accounts, permissions, operating system, uptime, server room,
    disk, disks, storage,
    file server, file servers, shared drive, shared drives, nas, windows updates, server crashed, server keeps,
    boxes in the, back cupboard, cupboard, comms cupboard, comms room, nobody knows the logins, the logins, run our accounts and hold`,
  'developer-productivity': `developers wait, waiting for environments, environment, environments, internal tools,
    self service, developer experience, tooling, golden path, every team, each team,
    reinvent, reinventing, internal platform, developer platform, onboarding developers,
    environment set up, test environment,
    shared setup, shared platform, every new service, each new service, new services, dev teams, development teams`,
  devices: `device, devices, hardware, firmware, sensor, sensors, microcontroller, battery,
    embedded, iot, machine, machines, robot, robots, gadget, chip, chips, circuit board,
    wearable, car, cars, appliance, appliances,
    gadgets, machines on the line, production line, plc, plcs, iot devices, smart devices, thermostats, trackers, temperature sensors,
    control board, board inside, inside the device, runs on the device`,
  game: `game, games, gaming, player, players, gameplay, game levels, build their own levels, build your own levels, multiplayer, console,
    consoles, frame rate, fps, unity, unreal`,
  blockchain: `blockchain, crypto, cryptocurrency, token, tokens, nft, nfts, smart contract,
    smart contracts, web3, wallet, wallets, ethereum, defi, on chain, onchain,
    digital coins, digital coin, digital currency, digital currencies, public ledger,
    shared ledger, distributed ledger, on that ledger, chain based`,
  documentation: `nobody can find anything, cant find anything, can't find anything,
    no one can find anything, help pages, help page, help docs, faq, faqs, out of date, call support,
    installation guide, docs, documentation, documented, manual, manuals, help articles, help centre,
    help center, guides, guide, instructions, how to guides, how tos, tutorials, reference,
    release notes, knowledge base, written down, nobody knows how,
    user manual, user manuals, api docs, readme`,
  community: `community, developer community, adoption, give talks, conference talks, conference, conferences, meetups,
    sample code, samples, devrel, hackathon, hackathons, advocate, evangelist, awareness,
    developers to use, developers use, sign ups from developers, blog posts, videos,
    open source,
    talk to their devs, talk to their developers, talk to developers, write examples, code examples`,
  'sales-technical': `prospects, prospect, demo, demos, pre sales, presales, rfp, rfps, sales team,
    sales teams, sales cycle, sales call, sales calls, sales process, sales engineer,
    proof of concept, deal, deals, salespeople, sales team, technical questions, buyers,
    lose deals, losing deals, customers technical, pilot,
    salesman, salesmen, saleswoman, sales meeting, sales meetings, in sales meetings, i will check, clients ask about`,
  accessibility: `accessibility, accessible, screen reader, screen readers, wcag, blind, disabled,
    disabilities, keyboard only, contrast, inclusive`,
  login: `log in, logs in, logging in, logged in, login, logins, sign in, signs in, signing in,
    sign on, single sign on, log on, logon, user accounts, customer accounts, my account`,
  'server-side': `behind the scenes, server side, back end, backend, api behind, orders,
    order system, bookings, booking system, accounts and orders, business logic, ticketing,
    click and collect, order ahead, order online, online orders`,
  'build-product': `frontend and backend, front end and back end, basically everything,
    another developer, more developers, any language, build features, write code, coding,
    build it, build the whole thing, build any of it, end to end, from scratch,
    build our, build the, build a, screens and database, web app, web application,
    customer portal, portal, mvp, first version, prototype,
    the page customers see, pages customers see, and the database part, database part,
    top to bottom, start to finish, front to back, both ends, both halves, the screens and,
    screens and the, pages and the, and the stuff behind, and the part behind, and the bit behind,
    and what sits behind, and whatever stores it, and where it is stored, the whole app,
    the whole site, the whole system, everything from the screens`,
  'leaver-access': `people leave, when people leave, leavers, remove their accounts,
    access to which folders, who has access, still have access, former employees`,
  'business-process': `paper, paper processes, processes, how things work, how things actually work,
    current process, map our processes, written down how, requirements gathering,
    replace our paper,
    written down what, what it needs to do, what it should do, fit how they work, fit how we work, does not fit, doesnt fit, new system, replacing our system, business requirements, requirements, specification, spec, supplier keeps asking, process map, process maps, business analyst, went back to their spreadsheets,
    workshops, workshop, sit between, go between, between the business, what they need, what they actually need, what we need,
    turn what, written requirements, proper requirements, process mapping,
    must do, how it works now, how it works today, how things are done, map how, map the process`,
  'it-management': `it people, it team, it staff, it department, in charge of them, suppliers,
    it budget, it budgets, budgets,
    nobody owns it, no one owns it, subscriptions, software subscriptions, licences, licenses, outside company, outside it company, managed service, it supplier, it is done by, it strategy, it policies, office manager plus, run it, runs it, head of it, it manager,
    it director, it lead, it budget, contracts with suppliers, managing the technicians, it technicians`,
  implementation: `set up and live, go live, get each new customer, new customer set up,
    onboard customers, onboarding customers, customer set up, each new customer,
    before they actually use, before they use, setting up new accounts, set up new accounts, importing their, importing spreadsheets, import their data, data import, configure, configuration, sign the contract, signed the contract, rollout, roll out to customers, customer onboarding, implementation, implementations,
    get them live, go-live, get customers live, set up for each client, configure the platform,
    every new customer, new customers take, get set up, getting set up, set up new customers, setting customers up, customer setups, dragged into setups,
    set it up for them, setting it up for them, set up for them, onto the product, onto our product,
    train their staff, training their staff, move their data, moving their data`,
  automation: `copy, copies, copying, copy and paste, typing them in, by hand, manually,
    repetitive, robot, bots, every day the same,
    retype, retyping, re type, re typing, same info, same information, same data into, copying figures, pdfs, pdf, from emails, screens all day, boring, without replacing, automated, automate this, rpa, by hand every,
    data entry, manual data entry, key in, keying in, keyed in, double entry, copy paste, macro, macros, vba`,
  'general-development': `adding features, add features, new features, fixing bugs, fix bugs,
    in house developer, our only developer, only developer, one developer, firefighting,
    nothing ships, keep the app going, maintain our app, look after our app, software engineer,
    developer in house, in house,
    general developer, a bit of everything, all rounder, jack of all trades, programmer, programmers, coder, coders, general software,
    all round developer, all round dev, good all round, all-round, generalist developer, general developer`,
  project: `behind schedule, months behind, weeks behind, over budget, budget keeps going up,
    when it will be finished, when it will be done, straight answer, project, projects,
    project plan, timeline, timelines, milestone, milestones, status, status update,
    status updates, coordinate, coordinating, coordination, nobody is coordinating,
    blame each other, meant to finish, meant to be finished, overdue, running late, gantt, on track, slipping,
    project manager, project management, keep track of dates, dates slipping, run the plan, rollout plan, weekly status, status to the board, suppliers and dates,
    keeping track, keep track, who s doing what, who is doing what, who does what, need coordinating,
    needs coordinating`,
  'cross-team': `several teams, many teams, all the teams, other teams, multiple teams, three teams,
    across teams, between teams, each team says, their bit, their part, dependencies,
    dependency, programme, program, big launch, meetings with other teams, all at once,
    all the engineering teams, several engineering teams, several tech teams, tpm, programme manager, program manager, join the dots, joins the dots, joining the dots`,
  'security-monitoring': `security alerts, security warnings, warnings, alert fatigue,
    nobody reads, nobody looks at, we wouldnt know, we would not know, wouldnt know,
    stolen password, stolen passwords, suspicious logins, suspicious login, siem, soc,
    security operations, threat detection, detect attacks, incident response,
    watch for attacks, security logs, who monitors, monitors our systems, around the clock,
    fraud, fraudulent, flagged, dodgy, something dodgy, weird activity, watching for, watch for, keep an eye on,
    alerts triage, triage, shift pattern security, watching alerts, monitoring alerts, security analyst,
    login attempts, failed logins, failed login attempts, sign in attempts, logins from, logins at night, strange logins, weird logins, pinged all night, alerts all night, which alerts matter, which ones matter,
    keep an eye out, keeping an eye out, keeps an eye out, eye on things, alerts it throws, throws up alerts, alerts it raises, decide which are real, which ones are real, which are real, real or not, false alarms, false alarm, false positives, look into each one, look into each`,
  'systems-landscape': `dont talk to each other, don t talk to each other, none of them talk,
    joined up, joined-up, one design, overall design, its own tools, own tools,
    every department bought, same details into, three systems, several systems,
    before we buy, before buying, which systems to buy, enterprise architecture,
    solution design, technology landscape, systems landscape, fits into their existing systems,
    fit into existing systems, design how,
    end to end solution, end to end design, solution architecture, solution architect, design the solution, design the whole solution, technical design for customers, architecture for each deal, cloud design,
    technical design, how it fits with, fits with our, fit with our`,
  crm: `salesforce, crm, hubspot, dynamics 365, sales ops, sales operations, deals in spreadsheets,
    track deals, tracks deals, leads, opportunities, sales leads, new leads, incoming leads, track leads, fields, custom fields, apex,
    sales pipeline, customer records,
    sfdc, sales cloud, service cloud, lightning, pipeline reports, sales reports, contact records, customer database, crm system`,
  erp: `erp, netsuite, sap, odoo, dynamics, month end, month-end, finance system,
    accounting package, accounting software, stock numbers, stock levels, inventory,
    general ledger, purchase orders, new companies, subsidiaries, finance and stock,
    sage, set it up, roll out,
    procure to pay, close the books, finance close, stock system, inventory system,
    one system for finance, finance and purchasing, purchasing and stock, stock and finance, off spreadsheets onto, onto one system`,
  // Which phones: the concept map's mobile apps name both platforms, and "the Samsung ones"
  // or "Face ID" say which one the work is on.
  android: `android, androids, samsung, samsungs, galaxy phones, pixel phones, google play,
    play store, huawei, motorola, xiaomi, oneplus`,
  apple: `iphone, iphones, ipad, ipads, ios, apple phones, apple ones, apple devices, apple users,
    face id, apple health, apple watch, apple pay, testflight, swift, swiftui, xcode`,
  'cross-platform': `both apps, two apps, iphone and android, android and iphone, ios and android,
    android and ios, iphone one, android one, same screens twice, build twice, built twice,
    two agencies, two codebases, react native, flutter, one app for both, one codebase,
    both platforms, cross platform,
    apple and android, android and apple, for both, both phones, both kinds of phone, any phone, whatever phone, every phone, one app for all phones, same code, same codebase, from the same code`,
  'customer-support': `customer tickets, support tickets, support ticket, customer issues,
    customer problems, customer complaints, escalation, escalations, escalated, bounces between,
    support team, answering customers, answering customer, threatening to leave,
    not to renew, renew, renewal, troubleshoot, troubleshooting, technical support,
    second line, third line, reproduce, workaround,
    dig into logs, customers email us, tickets from customers,
    customers email, customers emailing, customer emails about errors, answering them, dig into their account, dig into the account, when a customer's setup breaks, setup breaks, what went wrong for,
    customers hit errors, errors customers hit, errors in the software, errors in our product, errors in the product, front line, front line team, first line, front line support, the easy stuff, easy questions, hard tickets, harder tickets, tricky tickets, goes nowhere, bug or the customer`,
  'sql-work': `sql, stored procedure, stored procedures, queries, query, slow queries,
    reports off the database, reports from the database, views, t sql, pl sql, sql server,
    the sql, wrote the sql, database code, database reports, triggers,
    writes sql, write sql, good sql`,
  'data-architecture': `data architecture, data architect, data model, data models, data modelling,
    data modeling, how it should be designed, design the warehouse, warehouse design,
    pick a data warehouse, new data warehouse, master data, data strategy, data governance,
    counts differently, count customers differently, every department counts, lineage,
    how data is organised, how data is organized, its own format, own formats,
    data catalogue, data catalog,
    data fits together, how our data fits, data standards, single customer view, data landscape,
    data store, data stores, central data store, how the data is structured, data is structured,
    structure of our data, structure of the data, data is governed, own definition of,
    own definitions of, own idea of what`,
  'research-ml': `invent new methods, new methods, novel methods, publish, publish papers, papers,
    research papers, state of the art, off the shelf models, off the shelf ai, phd, academic,
    new algorithms, research team, research lab, medical scans, scans, images, computer vision,
    beyond what exists,
    publishing, published research, research scientist`,
  'security-leadership': `own security, owns security, in charge of security, who was in charge,
    security programme, security program, security strategy, head of security,
    security leader, how exposed, exposed, insurer, insurers, cyber insurance,
    security on the side, talk to the board, report to the board, security budget,
    risk appetite,
    cyber strategy, security at board level, board level security, accountable for security, accountable for cyber, security lead, security head`,
  ecommerce: `online shop, online store, webshop, web shop, shopify, woocommerce, magento,
    bigcommerce, sell online, selling online, plugin, plugins, shop theme, store theme, website theme, product pages,
    product page, online shops, shop online, shop website, shop site, shop platform, shop platforms,
    shop app,
    discount codes, discount code, promo codes, promo code, vouchers, gift cards, delivery slots, delivery slot,
    online sales, sell our products online, etsy, amazon store, marketplace listings, product listings, product catalogue, product catalog`,
  frontend: `on mobile, on phones, online shop, online store, shopify, shop theme, website theme, woocommerce,
    website, web site, site, web page, web pages, pages, page, browser, browsers,
    buttons, forms, front end, frontend, interface, interactive, responsive,
    on mobile browsers,
    safari, chrome, firefox, edge browser, overlap, overlapping, menu wont open, menu won t open, on tap, look broken, looks broken, what people see`,
};

/** Concepts whose phrases replace their words: "log in" is not about logs, nor "night shift" about on-call nights. */
const ABSORBING = new Set(['speaker', 'other-work', 'thing-symptom', 'login', 'leaver-access']);

/**
 * Concepts about the asking rather than the problem: they shape the verdict but are never
 * compared with a guide (a guide that mentions a hotel is no closer to a hotel receptionist).
 */
export const isContext = (concept: string): boolean =>
  concept === 'speaker' || concept === 'other-work' || concept === 'thing-symptom';

/** True when a concept's words should stop counting on their own. */
export const absorbsWords = (concept: string): boolean => ABSORBING.has(concept);

/** How a concept reads in an explanation, where its name is not plain English already. */
const LABELS: Record<string, string> = {
  performance: 'slowness',
  outage: 'outages and crashes',
  traffic: 'busy periods and scale',
  breach: 'security threats',
  audit: 'audits and compliance',
  'attack-test': 'testing your defences',
  integration: 'connecting systems',
  'data-mess': 'unreliable data',
  'data-pipeline': 'moving data between systems',
  'data-model': 'shared metric definitions',
  prediction: 'predictions from data',
  'model-production': 'running models in production',
  ai: 'AI features',
  mobile: 'mobile apps',
  'visual-design': 'how the product looks',
  usability: 'how easy the product is to use',
  research: 'understanding users',
  'product-direction': 'what to build and why',
  backlog: 'a clear backlog',
  delivery: 'delivering on time',
  people: 'the team and its people',
  'tech-strategy': 'technology strategy',
  'code-leadership': 'day-to-day technical leadership',
  deployment: 'releasing software',
  cloud: 'cloud infrastructure',
  cost: 'costs',
  bugs: 'bugs and quality',
  backup: 'backups and recovery',
  'it-help': 'everyday IT help',
  'developer-productivity': 'developer tooling',
  devices: 'devices and hardware',
  game: 'games',
  documentation: 'documentation',
  community: 'the developer community',
  'sales-technical': 'technical sales',
  frontend: 'the website',
  login: 'logging in to accounts',
  'server-side': 'the system behind the scenes',
  'build-product': 'building a product',
  'leaver-access': 'who has access to what',
  'business-process': 'how the business works today',
  'it-management': 'running an IT team',
  implementation: 'getting customers set up',
  automation: 'repetitive manual work',
  'general-development': 'building and maintaining software',
  project: 'running a project to plan',
  'cross-team': 'work spanning several teams',
  'security-monitoring': 'watching for attacks',
  'systems-landscape': 'how the business systems fit together',
  crm: 'the sales CRM',
  erp: 'finance and operations systems',
  android: 'Android phones',
  apple: 'iPhones and iPads',
  'cross-platform': 'one app for iPhone and Android',
  'customer-support': 'technical help for customers',
  'sql-work': 'database queries and reports',
  'data-architecture': "how the company's data is designed",
  'research-ml': 'new machine-learning methods',
  'security-leadership': 'leading security',
  ecommerce: 'the online shop',
  speaker: 'who is asking (not the problem itself)',
  'other-work': 'work outside technology',
  'thing-symptom': 'said of a thing, not of software',
};

/** The plain-English name of a concept, for explanations. */
export const conceptLabel = (concept: string): string =>
  LABELS[concept] ?? concept.replace(/-/g, ' ');

export interface ConceptHit {
  concept: string;
  start: number;
  end: number;
  /** A thing that breaks as no software does (see THINGS): what is said near it is about it. */
  thing?: true;
}

interface Phrase {
  concept: string;
  stems: string[];
  /**
   * The words as listed. Unrelated words meet at a short stem ("sits" and "site" at "sit",
   * "career" and "car" at "car"): there a word said must be a form of the listed one.
   */
  words: string[];
  thing?: true;
  /** For who is asking and work outside technology: the words themselves, plural aside. */
  surfaces?: string[];
}

/** A word without its plural: "drivers" is "driver", but "drive" is not. */
const singular = (word: string): string => (/[^s]s$/.test(word) ? word.slice(0, -1) : word);

/**
 * Whether a word is a listed word as written, or its plural: a listed word ending in a consonant
 * and "y" takes "-ies" ("secretary", "secretaries").
 */
const writtenAs = (word: string, listed: string): boolean =>
  singular(word) === listed || (/[^aeiou]y$/.test(listed) && word === `${listed.slice(0, -1)}ies`);

const byFirstStem = (): Map<string, Phrase[]> => {
  const index = new Map<string, Phrase[]>();
  const lexicon = {
    ...LEXICON,
    speaker: FRAMING,
    'other-work': `${OTHER_WORK},\n${OTHER_OCCUPATIONS}`,
    thing: THINGS,
  };
  for (const [name, phrases] of Object.entries(lexicon)) {
    const thing = name === 'thing';
    const concept = thing ? 'other-work' : name;
    const seen = new Set<string>();
    for (const phrase of phrases.split(',')) {
      // "don t" stands for "don't", which a text reads as "don".
      const tokens = words(phrase.replace(/n[ ']t\b/g, "n't").replace(/-|'(?!t\b)/g, ' '));
      const stems = tokens.map((t) => t.stem);
      // Stems are coarse ("carer" and "car", "waiter" and "wait", "founder" and "found"): a
      // phrase that takes its words away from every other concept must be said as written.
      const surfaces = isContext(concept) ? tokens.map((t) => singular(t.word)) : undefined;
      // Listed twice ("breach, breaches") is one phrase; "slow" and "slowness" are two, as a word
      // said must inflect one of them.
      const key = (surfaces ?? tokens.map((t) => t.word)).join(' ');
      if (stems.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const list = index.get(stems[0]!) ?? [];
      list.push({
        concept,
        stems,
        words: tokens.map((t) => t.word),
        ...(surfaces ? { surfaces } : {}),
        ...(thing ? { thing: true as const } : {}),
      });
      index.set(stems[0]!, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return index;
};

let index: Map<string, Phrase[]> | undefined;

/** Every word the map lists, and its forms with one letter left out, for mending typos. */
interface Spellings {
  known: Set<string>;
  /** A form with one letter left out, and which word it came from and where the letter was. */
  missingOne: Map<string, { word: string; at: number }[]>;
}
let spellings: Spellings | undefined;

/**
 * Words typed shorter than this are left as typed: too many real words lie a letter apart
 * ("tired" and "tried").
 */
const MENDED_LENGTH = 6;

const withoutLetter = (word: string, at: number) => word.slice(0, at) + word.slice(at + 1);

const readSpellings = (): Spellings => {
  const known = new Set<string>();
  const lexicon = [...Object.values(LEXICON), FRAMING, OTHER_WORK, OTHER_OCCUPATIONS, THINGS];
  for (const t of words(lexicon.join(',').replace(/[-']/g, ' '))) known.add(t.word);
  const missingOne = new Map<string, { word: string; at: number }[]>();
  for (const word of known) {
    for (let at = 0; at < word.length; at++) {
      const variant = withoutLetter(word, at);
      missingOne.set(variant, [...(missingOne.get(variant) ?? []), { word, at }]);
    }
  }
  return { known, missingOne };
};

/**
 * The word of the concept map a typed word was meant to be, when exactly one is a letter left
 * out, one too many or two letters swapped away ("crashng", "conect", "webiste", "databse"). The
 * first and last letters are taken as typed, since a word with another ending is most often
 * another word ("county" and "count"), and so is a word of the library's own text.
 */
const mended = (word: string, vocabulary: ReadonlySet<string>): string | undefined => {
  spellings ??= readSpellings();
  const { known, missingOne } = spellings;
  if (word.length < MENDED_LENGTH || known.has(word) || vocabulary.has(word)) return undefined;
  if (isStopword(word) || /[^a-z]/.test(word)) return undefined;
  const last = word.length - 1;
  const found = new Set<string>();
  for (const { word: meant, at } of missingOne.get(word) ?? []) {
    if (at > 0 && at < meant.length - 1) found.add(meant);
  }
  for (let at = 1; at < last; at++) {
    const meant = withoutLetter(word, at);
    if (known.has(meant)) found.add(meant);
  }
  for (let at = 1; at + 1 < last; at++) {
    const meant = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    if (known.has(meant)) found.add(meant);
  }
  // A form of the word itself is no typo of it, unless it reads to another stem: "programer"
  // is "programmer" mistyped, though both share the root "program".
  const meant = [...found].filter((w) => !sameWord(w, word) || stem(w) !== stem(word));
  return meant.length === 1 ? meant[0] : undefined;
};

/**
 * The words of a text with typos of the concept map's words mended: "our webiste keeps crashng"
 * reads as "our website keeps crashing". A word of `vocabulary` (the library's own words) is
 * spelt as meant. Offsets stay those of the words as typed.
 */
export const mendTypos = (tokens: readonly Token[], vocabulary: ReadonlySet<string>): Token[] => {
  index ??= byFirstStem();
  return tokens.map((t) => {
    const meant = mended(t.word, vocabulary);
    // A typo may share its stem with another listed word ("programer" and "program"): it is
    // mended only where the word meant has another stem, so a listed word's own forms stay.
    if (!meant || (index!.has(t.stem) && stem(meant) === t.stem)) return t;
    return { ...t, word: meant, stem: stem(meant) };
  });
};

/**
 * A word that, across the concept map, is listed almost only within one concept's phrases ("hook
 * up" and "hooked up" both connect systems) hints at that concept when said outside any of them:
 * writers the lists never read reword a phrase and keep its words.
 */
const WORD_SHARE = 0.75;
/** Phrases of its concept a word must recur in: a word listed once is that phrase's own. */
const WORD_PHRASES = 2;

/** The concept each telling word of the map's phrases hints at, by stem, with its listed forms. */
const conceptWordIndex = (): Map<string, { concept: string; words: Set<string> }> => {
  const counts = new Map<string, Map<string, number>>();
  const forms = new Map<string, Set<string>>();
  const context = new Set(
    words([FRAMING, OTHER_WORK, OTHER_OCCUPATIONS, THINGS].join(',').replace(/[-']/g, ' ')).map(
      (t) => t.stem,
    ),
  );
  for (const [concept, phrases] of Object.entries(LEXICON)) {
    for (const phrase of phrases.split(',')) {
      // "don t" stands for "don't", which a text reads as "don".
      const tokens = words(phrase.replace(/n[ ']t\b/g, "n't").replace(/-|'(?!t\b)/g, ' '));
      for (const t of new Set(tokens.filter((t) => !isStopword(t.word) && t.word.length > 3))) {
        if (context.has(t.stem)) continue;
        const perConcept = counts.get(t.stem) ?? new Map<string, number>();
        perConcept.set(concept, (perConcept.get(concept) ?? 0) + 1);
        counts.set(t.stem, perConcept);
        forms.set(t.stem, (forms.get(t.stem) ?? new Set()).add(t.word));
      }
    }
  }
  const out = new Map<string, { concept: string; words: Set<string> }>();
  for (const [s, perConcept] of counts) {
    const total = [...perConcept.values()].reduce((a, b) => a + b, 0);
    const [concept, n] = [...perConcept].sort((a, b) => b[1] - a[1])[0]!;
    if (n >= WORD_PHRASES && n / total >= WORD_SHARE) out.set(s, { concept, words: forms.get(s)! });
  }
  return out;
};

/**
 * The concepts a run of words speaks of, longest phrase first, each with where it was said.
 * @example conceptHits(words('the site fell over')).map((c) => c.concept) // ['frontend', 'outage']
 */
export const conceptHits = (tokens: readonly Token[]): ConceptHit[] => {
  index ??= byFirstStem();
  const out: ConceptHit[] = [];
  let i = 0;
  while (i < tokens.length) {
    // A word on its own never means a concept when it is a common word whose stem a phrase shares
    // ("them" is not a shop "theme").
    const alone = isStopword(tokens[i]!.word);
    const candidates = index.get(tokens[i]!.stem) ?? [];
    const matches = candidates.filter(
      (p) =>
        !(alone && p.stems.length === 1) &&
        p.stems.every(
          (s, k) =>
            tokens[i + k]?.stem === s &&
            (p.surfaces
              ? writtenAs(tokens[i + k]!.word, p.surfaces[k]!)
              : s.length > 3 || sameWord(tokens[i + k]!.word, p.words[k]!)),
        ),
    );
    const length = matches[0]?.stems.length ?? 0;
    if (length === 0) {
      i++;
      continue;
    }
    const end = tokens[i + length - 1]!.end;
    // A word made another by "-ly" is read as listed where a phrase lists it so: "nightly" is a
    // schedule of loads, not the "nights" someone is woken on.
    const said = (p: Phrase) =>
      p.words.every((w, k) => !tokens[i + k]!.word.endsWith('ly') || tokens[i + k]!.word === w);
    const longest = matches.filter((m) => m.stems.length === length);
    const read = longest.some(said) ? longest.filter(said) : longest;
    // One phrase may name several concepts ("broken": an outage and a bug), each once; hits
    // start in text order, so only this phrase's own can share its start.
    const named = new Set<string>();
    for (const m of read) {
      if (!named.has(m.concept)) {
        named.add(m.concept);
        out.push({
          concept: m.concept,
          start: tokens[i]!.start,
          end,
          ...(m.thing ? { thing: true as const } : {}),
        });
      }
    }
    i += length;
  }
  return out;
};

let wordIndex: ReturnType<typeof conceptWordIndex> | undefined;

/**
 * The concepts hinted at by telling words said outside every phrase found: "hook the till into
 * the stock list" hints at connecting systems.
 */
export const hintedConcepts = (
  tokens: readonly Token[],
  hits: readonly ConceptHit[],
): ConceptHit[] => {
  wordIndex ??= conceptWordIndex();
  const inPhrase = insideAnySpan(hits);
  const out: ConceptHit[] = [];
  for (const t of tokens) {
    if (isStopword(t.word) || inPhrase(t)) continue;
    const hint = wordIndex.get(t.stem);
    if (!hint || ![...hint.words].some((w) => sameWord(w, t.word))) continue;
    out.push({ concept: hint.concept, start: t.start, end: t.end });
  }
  return out;
};
