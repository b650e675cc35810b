import { describe, expect, it } from 'vitest';
import { makeTerm } from '../../test/fixtures/analysis/factories.js';
import { firstMentions, TermSpotter } from './term-spotter.js';

const glossary = [
  makeTerm('java', 'Java', { category: 'language' }),
  makeTerm('javascript', 'JavaScript', { aliases: ['JS'], category: 'language' }),
  makeTerm('go', 'Go', { aliases: ['Golang'], category: 'language', caseSensitive: true }),
  makeTerm('r', 'R', { category: 'language', caseSensitive: true }),
  makeTerm('c', 'C', { category: 'language', caseSensitive: true }),
  makeTerm('c-plus-plus', 'C++', { aliases: ['Cpp'], category: 'language' }),
  makeTerm('c-sharp', 'C#', { category: 'language' }),
  makeTerm('dot-net', '.NET', { aliases: ['ASP.NET'], category: 'framework' }),
  makeTerm('node-js', 'Node.js', { aliases: ['NodeJS', 'Node'], category: 'platform' }),
  makeTerm('ci-cd', 'CI/CD', { category: 'practice' }),
  makeTerm('rest', 'REST', { aliases: ['RESTful'], category: 'design' }),
  makeTerm('spring', 'Spring', { aliases: ['Spring Framework'], caseSensitive: true }),
  makeTerm('spring-boot', 'Spring Boot', { category: 'framework' }),
  makeTerm('ruby', 'Ruby', { category: 'language' }),
  makeTerm('ruby-on-rails', 'Ruby on Rails', { aliases: ['Rails'], category: 'framework' }),
  makeTerm('api', 'API', { aliases: ['Application Programming Interface'] }),
  makeTerm('ui', 'User Interface', { abbreviations: ['UI'], category: 'design' }),
  makeTerm('ux', 'User Experience', { abbreviations: ['UX'], category: 'design' }),
  makeTerm('aws', 'Amazon Web Services', { abbreviations: ['AWS'], category: 'cloud' }),
  makeTerm('database', 'Database', { category: 'concept' }),
  makeTerm('library', 'Software Library', { aliases: ['library'] }),
  makeTerm('full-stack', 'Full Stack', { category: 'concept' }),
  makeTerm('python', 'Python', { category: 'language' }),
  makeTerm('sql', 'SQL', { category: 'language' }),
  makeTerm('kubernetes', 'Kubernetes', { abbreviations: ['K8s'], category: 'platform' }),
  makeTerm('seo', 'Search Engine Optimization', { abbreviations: ['SEO'], category: 'practice' }),
];

const spotter = TermSpotter.build(glossary);
const slugs = (text: string) => spotter.spot(text).map((h) => h.slug);
const found = (text: string) => spotter.spot(text).map((h) => `${h.slug}:${h.text}`);

describe('TermSpotter', () => {
  it('skips an abbreviation the text spells out as something else', () => {
    expect(slugs('Reports to the Senior Executive Officer (SEO) of the trust.')).toEqual([]);
  });

  it('keeps an abbreviation the text spells out as the term itself', () => {
    expect(slugs('Search Engine Optimization (SEO) for the shop')).toEqual(['seo', 'seo']);
  });

  it('keeps an abbreviation in brackets that the words before it do not spell', () => {
    expect(slugs('Marketing skills (SEO) are welcome')).toEqual(['seo']);
  });

  it('reports each hit with its offsets, its text and its term', () => {
    const text = 'We use Kubernetes daily.';
    expect(spotter.spot(text)).toEqual([
      { start: 7, end: 17, text: 'Kubernetes', slug: 'kubernetes' },
    ]);
  });

  it('finds names, abbreviations and aliases', () => {
    expect(slugs('Amazon Web Services (AWS), Golang and K8s')).toEqual([
      'aws',
      'aws',
      'go',
      'kubernetes',
    ]);
  });

  it('never fires inside another word: Java is not found in JavaScript', () => {
    expect(slugs('JavaScript and Javanese, then Java.')).toEqual(['javascript', 'java']);
  });

  it('ignores case for ordinary names', () => {
    expect(slugs('javascript, JAVASCRIPT, kubernetes')).toEqual([
      'javascript',
      'javascript',
      'kubernetes',
    ]);
  });

  it('matches case-sensitive terms only in their written case', () => {
    expect(slugs('we go home; GO away; Go services')).toEqual(['go']);
  });

  it('matches abbreviations of up to three letters only in their written case', () => {
    expect(found('a ui for aws; a UI on AWS')).toEqual(['ui:UI', 'aws:AWS']);
  });

  it('tells the word "rest" from REST', () => {
    expect(found('Take a rest. Build REST services and RESTful APIs.')).toEqual([
      'rest:REST',
      'rest:RESTful',
      'api:APIs',
    ]);
  });

  it('tells the season from the Spring framework', () => {
    expect(found('We hire in spring. Java with Spring and Spring Boot.')).toEqual([
      'java:Java',
      'spring:Spring',
      'spring-boot:Spring Boot',
    ]);
  });

  it('keeps the longest of overlapping names: Ruby on Rails over Ruby and Rails', () => {
    expect(found('Ruby on Rails, Ruby, Rails')).toEqual([
      'ruby-on-rails:Ruby on Rails',
      'ruby:Ruby',
      'ruby-on-rails:Rails',
    ]);
  });

  it('keeps the pair that covers more where two names cross: Power BI, then dashboards', () => {
    const crossing = TermSpotter.build([
      makeTerm('power-bi', 'Power BI', { category: 'tool' }),
      makeTerm('dashboard', 'Dashboard', { aliases: ['dashboards', 'BI dashboards'] }),
    ]);
    expect(crossing.spot('Build Power BI dashboards weekly').map((h) => h.text)).toEqual([
      'Power BI',
      'dashboards',
    ]);
  });

  it('keeps a whole name over its first word and a name crossing its end: React Native app', () => {
    const crossing = TermSpotter.build([
      makeTerm('react', 'React', { category: 'framework' }),
      makeTerm('react-native', 'React Native', { category: 'framework' }),
      makeTerm('native-app', 'Native App Development', { aliases: ['native app'] }),
    ]);
    expect(crossing.spot('Build a React Native app for clients').map((h) => h.slug)).toEqual([
      'react-native',
    ]);
  });

  it('still splits a lower-case phrase where two names cross: streaming, then data pipelines', () => {
    const crossing = TermSpotter.build([
      makeTerm('streams', 'Stream Processing', { aliases: ['streaming', 'streaming data'] }),
      makeTerm('pipeline', 'Data Pipeline', { aliases: ['data pipelines'] }),
    ]);
    expect(crossing.spot('Build streaming data pipelines').map((h) => h.slug)).toEqual([
      'streams',
      'pipeline',
    ]);
  });

  it('handles names made of punctuation: C++, C#, .NET, Node.js, CI/CD', () => {
    expect(found('C++, C#, .NET, ASP.NET, Node.js and CI/CD')).toEqual([
      'c-plus-plus:C++',
      'c-sharp:C#',
      'dot-net:.NET',
      'dot-net:ASP.NET',
      'node-js:Node.js',
      'ci-cd:CI/CD',
    ]);
  });

  it('does not read C out of C++ or C#, nor Node out of Node.js', () => {
    expect(slugs('C++ and C# on Node.js')).toEqual(['c-plus-plus', 'c-sharp', 'node-js']);
  });

  it('accepts a single-letter language when its neighbours say it is one', () => {
    expect(found('Python, R and SQL; written in C; C/C++ firmware; R programming')).toEqual([
      'python:Python',
      'r:R',
      'sql:SQL',
      'c:C',
      'c:C',
      'c-plus-plus:C++',
      'r:R',
    ]);
  });

  it('ignores a single capital letter that is not a language', () => {
    expect(slugs('Series C funding, Plan R, vitamin C, R&D, C-level, A/B, grade C.')).toEqual([]);
  });

  it('ignores a case-sensitive word that merely opens a sentence', () => {
    expect(slugs('Go to our careers page. Spring is a good time to apply.')).toEqual([]);
  });

  it('reads a word opening a wrapped line as inside its sentence, as in pasted PDF text', () => {
    expect(slugs('We move the notes in our\n  Spring pages to the docs.')).toEqual(['spring']);
    expect(slugs('We move the notes.\n  Spring is a good time to apply.')).toEqual([]);
    expect(slugs('What we do\n- Spring is a good time to apply.')).toEqual([]);
  });

  it('keeps a case-sensitive word opening a sentence when the sentence is about technology', () => {
    expect(slugs('Go developers wanted.\n- Go, Ruby\nGo is our choice next to Java.')).toEqual([
      'go',
      'go',
      'ruby',
      'go',
      'java',
    ]);
  });

  it('takes a case-sensitive name at face value in a bare list of names', () => {
    expect(slugs('Go')).toEqual([]);
    expect(spotter.spot('Go', { names: true }).map((h) => h.slug)).toEqual(['go']);
  });

  it('treats dashes, line breaks and repeated spaces as one space', () => {
    expect(found('full-stack, full  stack and full\nstack')).toEqual([
      'full-stack:full-stack',
      'full-stack:full  stack',
      'full-stack:full\nstack',
    ]);
  });

  it('finds plurals of names: APIs, databases, libraries', () => {
    expect(found('APIs, databases and libraries')).toEqual([
      'api:APIs',
      'database:databases',
      'library:libraries',
    ]);
  });

  it('reports offsets in text with characters outside the basic plane', () => {
    const text = '🚀 Ruby on Rails 🚀 Go developer';
    const hits = spotter.spot(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Ruby on Rails', 'Go']);
  });

  it('finds nothing in an empty text', () => {
    expect(spotter.spot('')).toEqual([]);
  });

  it('builds from an empty glossary and finds nothing', () => {
    expect(TermSpotter.build([]).spot('Java and Go')).toEqual([]);
  });

  it('follows a changed glossary once rebuilt', () => {
    const renamed = glossary.map((t) =>
      t.slug === 'kubernetes' ? { ...t, aliases: ['kube'], version: 2 } : t,
    );
    expect(TermSpotter.build(renamed).spot('Run kube and k8s')).toEqual([
      { start: 4, end: 8, text: 'kube', slug: 'kubernetes' },
    ]);
  });

  it('reports the size of what it built and how long it took', () => {
    expect(spotter.stats).toMatchObject({ terms: glossary.length });
    expect(spotter.stats.patterns).toBeGreaterThan(glossary.length);
    expect(spotter.stats.buildMs).toBeGreaterThanOrEqual(0);
  });
});

describe('firstMentions', () => {
  it('keeps the first mention of each term, for linking a guide', () => {
    expect(firstMentions(spotter.spot('APIs, Go, an API and Go')).map((h) => h.text)).toEqual([
      'APIs',
      'Go',
    ]);
  });
});

describe('TermSpotter on forms that need context', () => {
  const contextual = TermSpotter.build([
    makeTerm('rto', 'Recovery Time Objective', { abbreviations: ['RTO'], needsContext: ['RTO'] }),
    makeTerm('rpo', 'Recovery Point Objective', { abbreviations: ['RPO'], needsContext: ['RPO'] }),
    makeTerm('observability', 'Observability', {
      aliases: ['monitoring'],
      needsContext: ['monitoring'],
    }),
    makeTerm('prometheus', 'Prometheus', { category: 'tool' }),
  ]);
  const spotted = (text: string) => contextual.spot(text).map((h) => `${h.slug}:${h.text}`);

  it('ignores such a form standing alone: RTO is also return to office', () => {
    expect(spotted('The RTO plan starts in March. Who is the RPO for hiring?')).toEqual([]);
  });

  it('reads nothing into a preposition before such an abbreviation: in RTO weeks', () => {
    expect(spotted('Plan the office days in RTO weeks, with RPO partners.')).toEqual([]);
  });

  it('counts such a form beside a neighbouring term in a list', () => {
    expect(spotted('Set RTO and RPO targets; test RTO/RPO yearly.')).toEqual([
      'rto:RTO',
      'rpo:RPO',
      'rto:RTO',
      'rpo:RPO',
    ]);
  });

  it('reads nothing into a list of one term in two forms: RTO, RTOs', () => {
    expect(spotted('Agree the RTO, RTOs and office days with your manager.')).toEqual([]);
  });

  it('reads nothing into a list of everyday words in small letters: documentation and monitoring', () => {
    const office = TermSpotter.build([
      makeTerm('docs', 'Technical Documentation', {
        aliases: ['documentation'],
        needsContext: ['documentation'],
      }),
      makeTerm('observability', 'Observability', {
        aliases: ['monitoring'],
        needsContext: ['monitoring'],
      }),
    ]);
    expect(office.spot('Coordinate purchasing, documentation and monitoring of spend.')).toEqual(
      [],
    );
  });

  it('counts two such forms offered as alternatives: both waterfall and agile', () => {
    const methods = TermSpotter.build([
      makeTerm('waterfall', 'Waterfall', { needsContext: ['Waterfall'] }),
      makeTerm('agile', 'Agile', { needsContext: ['Agile'] }),
    ]);
    const named = (text: string) => methods.spot(text).map((h) => h.slug);
    expect(named('Knowledge of methods, both waterfall and agile.')).toEqual([
      'waterfall',
      'agile',
    ]);
    expect(named('Run either waterfall or agile projects.')).toEqual(['waterfall', 'agile']);
    expect(named('See the waterfall and agile goats on the hill.')).toEqual([]);
  });

  it('reads nothing into alternatives that are names in small letters: both metal and flux', () => {
    const workshop = TermSpotter.build([
      makeTerm('metal', 'Metal', { caseSensitive: true }),
      makeTerm('flux', 'Flux', { caseSensitive: true }),
    ]);
    expect(workshop.spot('Bring both metal and flux to the bench.')).toEqual([]);
  });

  it('counts such a form, plural too, once the term is written out elsewhere', () => {
    expect(spotted('A recovery time objective of four hours. RTOs are tested yearly.')).toEqual([
      'rto:recovery time objective',
      'rto:RTOs',
    ]);
  });

  it('counts such a form when another term stands in the same sentence, not the next', () => {
    expect(spotted('Add monitoring with Prometheus.')).toEqual([
      'observability:monitoring',
      'prometheus:Prometheus',
    ]);
    expect(spotted('We run Prometheus. Patient monitoring is hourly.')).toEqual([
      'prometheus:Prometheus',
    ]);
  });

  it('reads a form before a word for people at work as the physical thing', () => {
    const floor = TermSpotter.build([
      makeTerm('warehouse', 'Data Warehouse', {
        aliases: ['warehouse'],
        needsContext: ['warehouse'],
      }),
      makeTerm('interviews', 'User Interview', { aliases: ['user interviews'] }),
      makeTerm('sql', 'SQL', { category: 'language' }),
    ]);
    const found = (text: string) => floor.spot(text).map((h) => h.slug);
    expect(found('Run user interviews among drivers and warehouse staff.')).toEqual(['interviews']);
    expect(found('Load the warehouse with SQL.')).toEqual(['warehouse', 'sql']);
  });

  it('reads nothing into a preposition or a word for any work beside an everyday word', () => {
    const floor = TermSpotter.build([
      makeTerm('warehouse', 'Data Warehouse', {
        aliases: ['warehouse'],
        needsContext: ['warehouse'],
      }),
    ]);
    const found = (text: string) => floor.spot(text).map((h) => h.slug);
    expect(found('Five years in warehouse roles, with warehouse experience.')).toEqual([]);
    expect(found('Tune the warehouse pipelines.')).toEqual(['warehouse']);
  });

  it('reads such a form before a word for a post as a job: a CSM role', () => {
    const sales = TermSpotter.build([
      makeTerm('csm', 'Certified ScrumMaster', { abbreviations: ['CSM'], needsContext: ['CSM'] }),
      makeTerm('saas', 'Software as a Service', { abbreviations: ['SaaS'] }),
    ]);
    const found = (text: string) => sales.spot(text).map((h) => h.slug);
    expect(found('Five years in a CSM role at a SaaS company.')).toEqual(['saas']);
    expect(found('A CSM certificate helps at a SaaS company.')).toEqual(['csm', 'saas']);
  });

  it('reads such a form before a mark on a report as the mark: RAG status', () => {
    const reports = TermSpotter.build([
      makeTerm('rag', 'Retrieval-Augmented Generation', {
        abbreviations: ['RAG'],
        needsContext: ['RAG'],
      }),
      makeTerm('jira', 'Jira', { category: 'tool' }),
      makeTerm('langchain', 'LangChain', { category: 'library' }),
    ]);
    const found = (text: string) => reports.spot(text).map((h) => h.slug);
    expect(found('Report RAG status weekly from Jira.')).toEqual(['jira']);
    expect(found('Build RAG pipelines with LangChain.')).toEqual(['rag', 'langchain']);
  });

  it('lets no business measure vouch for its sentence: a shop also tracks its KPIs', () => {
    const shop = TermSpotter.build([
      makeTerm('observability', 'Observability', {
        aliases: ['monitoring'],
        needsContext: ['monitoring'],
      }),
      makeTerm('kpi', 'Key Performance Indicator', { abbreviations: ['KPI'] }),
    ]);
    expect(shop.spot('Monitoring stock levels and KPIs for the store.').map((h) => h.slug)).toEqual(
      ['kpi'],
    );
  });

  it('lets no business software vouch for its sentence: a ward also keeps charts in Excel', () => {
    const office = TermSpotter.build([
      makeTerm('observability', 'Observability', {
        aliases: ['monitoring'],
        needsContext: ['monitoring'],
      }),
      makeTerm('excel', 'Microsoft Excel', { aliases: ['Excel'], caseSensitive: true }),
      makeTerm('prometheus', 'Prometheus', { category: 'tool' }),
    ]);
    const found = (text: string) => office.spot(text).map((h) => h.slug);
    expect(found('Patient monitoring charts are kept in Excel.')).toEqual(['excel']);
    expect(found('Monitoring in Prometheus, reports in Excel.')).toEqual([
      'observability',
      'prometheus',
      'excel',
    ]);
  });
});

describe('TermSpotter on forms that continue or precede another name', () => {
  const names = TermSpotter.build([
    makeTerm('node-js', 'Node.js', {
      aliases: ['Node'],
      caseSensitive: true,
      needsContext: ['Node'],
    }),
    makeTerm('kubernetes', 'Kubernetes', { category: 'platform' }),
    makeTerm('docker', 'Docker', { category: 'tool' }),
    makeTerm('ethereum', 'Ethereum', { abbreviations: ['ETH'], needsContext: ['ETH'] }),
    makeTerm('python', 'Python', { category: 'language' }),
    makeTerm('solidity', 'Solidity', { category: 'language' }),
  ]);
  const found = (text: string) => names.spot(text).map((h) => h.slug);

  it('reads a name right after another term as part of that name: a Kubernetes Node', () => {
    expect(found('Each Kubernetes Node runs Docker.')).toEqual(['kubernetes', 'docker']);
    expect(found('Node and Docker on Kubernetes.')).toEqual(['node-js', 'docker', 'kubernetes']);
  });

  it('reads capitals before a capitalised word as a name: ETH Zurich is a university', () => {
    expect(found('ETH Zurich graduates who know Python.')).toEqual(['python']);
    expect(found('ETH and Solidity experience.')).toEqual(['ethereum', 'solidity']);
  });
});

describe('TermSpotter on names that open the name of another product', () => {
  const products = TermSpotter.build([
    makeTerm('looker', 'Looker', { category: 'tool', caseSensitive: true }),
    makeTerm('react', 'React', { category: 'framework', caseSensitive: true }),
    makeTerm('uipath', 'UiPath', { aliases: ['UiPath Studio'], category: 'tool' }),
    makeTerm('sql', 'SQL', { category: 'language' }),
  ]);
  const found = (text: string) => products.spot(text).map((h) => `${h.slug}:${h.text}`);

  it('reads a name before Studio or Query as part of another product: Looker Studio', () => {
    expect(found('Reports in Looker Studio and SQL.')).toEqual(['sql:SQL']);
    expect(found('We fetch data with React Query.')).toEqual([]);
  });

  it('keeps a longer name the glossary holds: UiPath Studio', () => {
    expect(found('Bots built in UiPath Studio.')).toEqual(['uipath:UiPath Studio']);
  });

  it('keeps a name before any other word: a React developer', () => {
    expect(found('We want a React developer who knows Looker.')).toEqual([
      'react:React',
      'looker:Looker',
    ]);
  });
});

describe('TermSpotter on capitalised names written in small letters', () => {
  const notes = TermSpotter.build([
    makeTerm('swift', 'Swift', { category: 'language', caseSensitive: true }),
    makeTerm('swiftui', 'SwiftUI', { category: 'framework' }),
    makeTerm('go', 'Go', { category: 'language', caseSensitive: true, needsContext: ['Go'] }),
    makeTerm('python', 'Python', { category: 'language' }),
    makeTerm('churn', 'Churn Rate', { aliases: ['churn'] }),
  ]);
  const found = (text: string) => notes.spot(text).map((h) => `${h.slug}:${h.text}`);

  it('counts such a name beside a neighbour in a list or a word such as developer', () => {
    expect(found('- swift + swiftui')).toEqual(['swift:swift', 'swiftui:swiftui']);
    expect(found('need a go developer')).toEqual(['go:go']);
  });

  it('ignores such a name with only its sentence or a preposition for support', () => {
    expect(found('why did churn go up?')).toEqual(['churn:churn']);
    expect(found('Python jobs go fast, so be swift in replying.')).toEqual(['python:Python']);
  });

  it('reads an everyday word before a word for any work as the word: a swift service', () => {
    expect(found('A swift service and go experience matter here.')).toEqual([]);
  });

  it('reads an everyday plural closing a phrase as the noun, whatever list follows', () => {
    const office = TermSpotter.build([
      makeTerm('microsoft-teams', 'Microsoft Teams', { aliases: ['Teams'], caseSensitive: true }),
      makeTerm('slack', 'Slack', { category: 'tool' }),
      makeTerm('jira', 'Jira', { category: 'tool' }),
    ]);
    const found = (text: string) => office.spot(text).map((h) => `${h.slug}:${h.text}`);
    expect(found('Work with product teams, Jira and Slack.')).toEqual(['jira:Jira', 'slack:Slack']);
    expect(found('- shared by all teams\n- Jira boards')).toEqual(['jira:Jira']);
  });

  it('still counts an everyday plural in small letters that opens an item of a list', () => {
    const office = TermSpotter.build([
      makeTerm('microsoft-teams', 'Microsoft Teams', { aliases: ['Teams'], caseSensitive: true }),
      makeTerm('slack', 'Slack', { category: 'tool' }),
    ]);
    expect(office.spot('Tools: Slack, teams').map((h) => h.slug)).toEqual([
      'slack',
      'microsoft-teams',
    ]);
  });

  it('never lets a name in small letters lean on the same name written properly elsewhere', () => {
    expect(found('Go developer wanted. Ready to go?')).toEqual(['go:Go']);
  });
});

describe('TermSpotter on lines typed without capitals', () => {
  const notes = TermSpotter.build([
    makeTerm('aws', 'Amazon Web Services', { abbreviations: ['AWS'], category: 'cloud' }),
    makeTerm('amazon-s3', 'Amazon S3', { abbreviations: ['S3'], category: 'cloud' }),
    makeTerm('prisma', 'Prisma', { category: 'library', caseSensitive: true }),
    makeTerm('jest', 'Jest', { category: 'library', caseSensitive: true }),
    makeTerm('ci-cd', 'CI/CD', { category: 'practice' }),
    makeTerm('safe', 'Scaled Agile Framework', { abbreviations: ['SAFe'], caseSensitive: true }),
    makeTerm('hr', 'Human Resources', { abbreviations: ['HR'] }),
  ]);
  const found = (text: string) => notes.spot(text).map((h) => `${h.slug}:${h.text}`);

  it('counts an abbreviation or a name that is no word, written in small letters', () => {
    expect(found('postgres with prisma, bits on aws and s3')).toEqual([
      'prisma:prisma',
      'aws:aws',
      'amazon-s3:s3',
    ]);
  });

  it('keeps to the written case where the line has capitals of its own', () => {
    expect(found('Postgres with prisma, bits on aws and s3')).toEqual([]);
  });

  it('counts a name that is also a word only with another term in its sentence', () => {
    expect(found('writing tests (jest), keeping ci/cd quick')).toEqual([
      'jest:jest',
      'ci-cd:ci/cd',
    ]);
    expect(found('said in jest, keeping it quick')).toEqual([]);
  });

  it('reads an abbreviation that spells a word as the word: safe', () => {
    expect(found('a safe place to keep ci/cd secrets')).toEqual(['ci-cd:ci/cd']);
  });

  it('leaves two letters without a digit to their written case: hr', () => {
    expect(found('open 24 hr, ask at the desk')).toEqual([]);
  });
});

describe('TermSpotter on names that people and places also have', () => {
  const named = TermSpotter.build([
    makeTerm('jenkins', 'Jenkins', { category: 'tool', needsContext: ['Jenkins'] }),
    makeTerm('docker', 'Docker', { category: 'tool', needsContext: ['Docker'] }),
    makeTerm('swift', 'Swift', { category: 'language', caseSensitive: true }),
    makeTerm('excel', 'Microsoft Excel', { aliases: ['Excel'], caseSensitive: true }),
    makeTerm('go', 'Go', { category: 'language', caseSensitive: true }),
    makeTerm('kubernetes', 'Kubernetes', { category: 'platform' }),
    makeTerm('sql', 'SQL', { category: 'language' }),
  ]);
  const spotted = (text: string) => named.spot(text).map((h) => `${h.slug}:${h.text}`);

  it('ignores a name after a title such as Mr or Dr, even with the term elsewhere', () => {
    expect(spotted('Jenkins and Kubernetes daily. Mr Jenkins retires in May.')).toEqual([
      'jenkins:Jenkins',
      'kubernetes:Kubernetes',
    ]);
  });

  it('ignores a name beside another capitalised word that is no term', () => {
    expect(spotted('Tickets for Taylor Swift sold out. Alan Docker drove the van.')).toEqual([]);
    expect(spotted('Meet at the Docker Street branch.')).toEqual([]);
  });

  it('keeps a name beside a capitalised word that names the product or the trade', () => {
    expect(spotted('Kubernetes pulls from Docker Hub.\nSenior Swift Developer')).toEqual([
      'kubernetes:Kubernetes',
      'docker:Docker',
      'swift:Swift',
    ]);
  });

  it('counts a name needing context beside another in brackets, as in a list', () => {
    expect(spotted('Reports in Excel, sometimes Jenkins (Docker) jobs.')).toEqual([
      'excel:Excel',
      'jenkins:Jenkins',
      'docker:Docker',
    ]);
  });

  it('reads Markdown emphasis around two names as no part of the list between them', () => {
    expect(spotted('We run **Jenkins** and **Docker** here.')).toEqual([
      'jenkins:Jenkins',
      'docker:Docker',
    ]);
  });

  it('counts a name needing context when a word before it says it is used', () => {
    expect(spotted('Bonus if you have used Docker before.')).toEqual(['docker:Docker']);
    expect(spotted('- some exposure to Docker')).toEqual(['docker:Docker']);
  });

  it('counts a name needing context that the posting weighs as a skill', () => {
    expect(spotted('- Docker nice to have, not essential')).toEqual(['docker:Docker']);
    expect(spotted('Nice to have: Docker')).toEqual(['docker:Docker']);
    expect(spotted('- Docker is a big plus')).toEqual(['docker:Docker']);
  });

  it('reads nothing into a capital that only opens the sentence before a name', () => {
    expect(spotted('Write Swift every day.')).toEqual(['swift:Swift']);
  });

  it('lets a name vouched for elsewhere vouch for its own sentence', () => {
    const pipeline = TermSpotter.build([
      makeTerm('kafka', 'Apache Kafka', { aliases: ['Kafka'], needsContext: ['Kafka'] }),
      makeTerm('warehouse', 'Data Warehouse', {
        aliases: ['warehouse'],
        needsContext: ['warehouse'],
      }),
    ]);
    expect(pipeline.spot('Kafka feeds the warehouse. Tune the Kafka consumers.').length).toBe(3);
    expect(pipeline.spot('Kafka feeds the warehouse.')).toEqual([]);
  });

  it('keeps a form that needs context when the caller vouches for its term', () => {
    const registers = TermSpotter.build([
      makeTerm('risk-register', 'Risk Register', { needsContext: ['Risk Register'] }),
    ]);
    const text = 'Manage the risk register and escalate issues.';
    const spotting = registers.read(text);
    expect(registers.settle(spotting)).toEqual([]);
    expect(registers.settle(spotting, new Set(['risk-register'])).map((h) => h.text)).toEqual([
      'risk register',
    ]);
  });

  it('reads a name in a line written all in capitals only with support', () => {
    expect(spotted('STRONG EXCEL AND SQL SKILLS')).toEqual(['excel:EXCEL', 'sql:SQL']);
    expect(spotted('GO HOME EARLY ON FRIDAY')).toEqual([]);
    expect(spotted('EXCEL at saving with us')).toEqual([]);
  });
});

describe("TermSpotter on a vendor's certificates", () => {
  const clouds = TermSpotter.build([
    makeTerm('azure', 'Microsoft Azure', {
      aliases: ['Azure'],
      category: 'cloud',
      needsContext: ['Azure'],
    }),
  ]);
  const cloudSlugs = (text: string) => clouds.spot(text).map((h) => h.slug);

  it('reads a name that needs context as the technology a certificate is in', () => {
    expect(cloudSlugs('- Microsoft Certified: Azure Administrator Associate')).toEqual(['azure']);
  });

  it('still reads the same name alone as the word', () => {
    expect(cloudSlugs('- Azure Administrator Associate')).toEqual([]);
  });
});
