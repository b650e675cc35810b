import { describe, expect, it } from 'vitest';
import { normalizeTitleText, singularize } from './text-normalizer.js';

describe('normalizeTitleText', () => {
  it('folds case and accents and drops punctuation', () => {
    expect(normalizeTitleText('CAFÉ Manager!!')).toEqual(['cafe', 'manager']);
  });

  it('joins a compound whose second word carries a typo', () => {
    expect(normalizeTitleText('Full Stak Developer')).toEqual(['fullstack', 'developer']);
  });

  it("keeps apart a short second word one letter off a compound's", () => {
    expect(normalizeTitleText('Health Card Officer')).toEqual(['health', 'card', 'officer']);
  });

  it('joins back-end, back end and backend into one word', () => {
    const joined = ['backend', 'developer'];
    expect(normalizeTitleText('Back-End Developer')).toEqual(joined);
    expect(normalizeTitleText('back end developer')).toEqual(joined);
    expect(normalizeTitleText('Backend Developer')).toEqual(joined);
  });

  it('writes out abbreviations', () => {
    expect(normalizeTitleText('Sr Eng')).toEqual(['senior', 'engineer']);
    expect(normalizeTitleText('Engr')).toEqual(['engineer']);
    expect(normalizeTitleText('Dev Mgr')).toEqual(['developer', 'manager']);
    expect(normalizeTitleText('SWE')).toEqual(['software', 'engineer']);
    expect(normalizeTitleText('SDE')).toEqual(['software', 'development', 'engineer']);
    expect(normalizeTitleText('QA')).toEqual(['quality', 'assurance']);
    expect(normalizeTitleText('SRE')).toEqual(['site', 'reliability', 'engineer']);
    expect(normalizeTitleText('MLE')).toEqual(['machine', 'learning', 'engineer']);
    expect(normalizeTitleText('UX UI')).toEqual(['user', 'experience', 'user', 'interface']);
    expect(normalizeTitleText('ML AI')).toEqual([
      'machine',
      'learning',
      'artificial',
      'intelligence',
    ]);
    expect(normalizeTitleText('DBA')).toEqual(['database', 'administrator']);
    expect(normalizeTitleText('VP')).toEqual(['vice', 'president']);
    expect(normalizeTitleText('PM')).toEqual(['project', 'manager']);
    expect(normalizeTitleText('IT')).toEqual(['information', 'technology']);
    expect(normalizeTitleText('Sys Admin')).toEqual(['system', 'administrator']);
    expect(normalizeTitleText('sysadmin')).toEqual(['system', 'administrator']);
  });

  it('writes out a word a payroll system shortened', () => {
    expect(normalizeTitleText('NTWK ENGR II')).toEqual(['network', 'engineer', 'ii']);
  });

  it('writes a British word as the American taxonomy writes it', () => {
    expect(normalizeTitleText('Lorry Driver')).toEqual(normalizeTitleText('Truck Driver'));
    expect(normalizeTitleText('HGV Driver')).toEqual(normalizeTitleText('Truck Driver'));
  });

  it('writes out a plural abbreviation', () => {
    expect(normalizeTitleText('Mgrs')).toEqual(['manager']);
  });

  it('keeps DevOps as one word however it is written', () => {
    expect(normalizeTitleText('Dev Ops Engineer')).toEqual(['devops', 'engineer']);
    expect(normalizeTitleText('DevOps Engineer')).toEqual(['devops', 'engineer']);
  });

  it('makes plurals singular', () => {
    expect(normalizeTitleText('Secretaries')).toEqual(['secretary']);
    expect(normalizeTitleText('Nurses')).toEqual(['nurse']);
    expect(normalizeTitleText('Coaches')).toEqual(['coach']);
    expect(normalizeTitleText('Firemen')).toEqual(normalizeTitleText('Fireman'));
    expect(normalizeTitleText('Sales Associates')).toEqual(['sales', 'associate']);
  });

  it('moves a qualifier after a comma in front of its noun', () => {
    expect(normalizeTitleText('Engineer, Backend')).toEqual(['backend', 'engineer']);
  });

  it('keeps the order of a list joined by commas', () => {
    expect(normalizeTitleText('Bus, Trolley, and Taxi Instructor')).toEqual([
      'bus',
      'trolley',
      'taxi',
      'instructor',
    ]);
  });

  it('drops the work a title says it leaves out after "Except"', () => {
    expect(normalizeTitleText('Geoscientists, Except Hydrologists and Geographers')).toEqual([
      'geoscientist',
    ]);
  });

  it('keeps "All Other" after the work a title leaves out', () => {
    expect(
      normalizeTitleText('Engineering Technologists and Technicians, Except Drafters, All Other'),
    ).toEqual(['all', 'other', 'engineering', 'technologist', 'technician']);
  });

  it('puts the head noun of "X of Y" last', () => {
    expect(normalizeTitleText('Director of Sales')).toEqual(['sales', 'director']);
  });

  it('puts the head noun of "X in Y" last', () => {
    expect(normalizeTitleText('Technician in Electrical Systems')).toEqual([
      'electrical',
      'system',
      'technician',
    ]);
  });

  it('reads "X specialised in Y" as a Y X', () => {
    expect(normalizeTitleText('Operator Specialised in Mobile Crane')).toEqual([
      'mobile',
      'crane',
      'operator',
    ]);
  });

  it('moves the object of "in" before the object of "of"', () => {
    expect(normalizeTitleText('Director of Operations in Healthcare')).toEqual([
      'operation',
      'healthcare',
      'director',
    ]);
  });

  it('drops words that join but carry no meaning', () => {
    expect(normalizeTitleText('Teacher for the Deaf and Blind')).toEqual([
      'teacher',
      'deaf',
      'blind',
    ]);
  });

  it('keeps C++, C# and .NET as words', () => {
    expect(normalizeTitleText('C++ / C# / .NET Developer')).toEqual([
      'cpp',
      'csharp',
      'dotnet',
      'developer',
    ]);
  });

  it("reads FE and BE before a builder's title as the front and back end", () => {
    expect(normalizeTitleText('FE Developer')).toEqual(['frontend', 'developer']);
    expect(normalizeTitleText('BE/Node Engineer')).toEqual(['backend', 'nodejs', 'engineer']);
    expect(normalizeTitleText('FE Analyst')).toEqual(['fe', 'analyst']);
  });

  it('reads the builder heads of other European languages as the English ones', () => {
    expect(normalizeTitleText('Softwareentwickler')).toEqual(['software', 'developer']);
    expect(normalizeTitleText('Backend-Entwickler')).toEqual(['backend', 'developer']);
    expect(normalizeTitleText('Développeur')).toEqual(['developer']);
    expect(normalizeTitleText('Desarrollador')).toEqual(['developer']);
  });

  it('reads Japanese, Korean and Chinese board titles written in Latin letters in English', () => {
    expect(normalizeTitleText('Sofutowea Enjinia')).toEqual(['software', 'engineer']);
    expect(normalizeTitleText('Deta Anarisuto')).toEqual(['data', 'analyst']);
    expect(normalizeTitleText('Baekendeu Gaebalja')).toEqual(['backend', 'developer']);
    expect(normalizeTitleText('Ruanjian Gongchengshi')).toEqual(['software', 'engineer']);
    expect(normalizeTitleText('Furonto Endo Enjinia')).toEqual(['frontend', 'engineer']);
  });

  it("reads Italian's systems specialist as the systems administrator", () => {
    expect(normalizeTitleText('Sistemista Linux')).toEqual(['linux', 'system', 'administrator']);
  });

  it('reads the Polish field of business in English', () => {
    expect(normalizeTitleText('Analityk Biznesowy')).toEqual(['business', 'analyst']);
  });

  it('puts the role word of a head-first language last, its field in English before it', () => {
    expect(normalizeTitleText('Ingeniero de Datos')).toEqual(['data', 'engineer']);
    expect(normalizeTitleText('Développeur Java')).toEqual(['java', 'developer']);
    expect(normalizeTitleText('Analista de Sistemas')).toEqual(['system', 'analyst']);
    expect(normalizeTitleText('Ingénieur Réseau')).toEqual(['network', 'engineer']);
    expect(normalizeTitleText('Inżynier Danych')).toEqual(['data', 'engineer']);
  });

  it('reads a field and a role written as one word as the two English words', () => {
    expect(normalizeTitleText('Softwarearchitekt')).toEqual(['software', 'architect']);
    expect(normalizeTitleText('Dataingenjör')).toEqual(['data', 'engineer']);
    expect(normalizeTitleText('Systemutvecklare')).toEqual(['system', 'developer']);
    expect(normalizeTitleText('Anwendungsentwickler')).toEqual(['application', 'developer']);
    expect(normalizeTitleText('Sicherheitsanalyst')).toEqual(['security', 'analyst']);
    expect(normalizeTitleText('Datawetenschapper')).toEqual(['data', 'scientist']);
    expect(normalizeTitleText('Zahntechniker')).toEqual(['zahntechniker']);
  });

  it('reads the role words of Swedish, Polish, Portuguese and Italian postings', () => {
    expect(normalizeTitleText('Kierownik Projektów IT')).toEqual([
      'information',
      'technology',
      'project',
      'manager',
    ]);
    expect(normalizeTitleText('Tester Oprogramowania')).toEqual(['software', 'tester']);
    expect(normalizeTitleText('Consultor de Implantação')).toEqual([
      'implementation',
      'consultant',
    ]);
    expect(normalizeTitleText('Ingegnere del Software')).toEqual(['software', 'engineer']);
  });

  it('drops the praise job boards put on a title', () => {
    expect(normalizeTitleText('Rockstar Software Engineer')).toEqual(['software', 'engineer']);
  });

  it('reads técnico after the role it qualifies as technical', () => {
    expect(normalizeTitleText('Analista de Suporte Técnico')).toEqual([
      'technical',
      'support',
      'analyst',
    ]);
  });

  it('reads praise after a programming language or a role word as the developer it stands for', () => {
    expect(normalizeTitleText('JavaScript Ninja')).toEqual(['javascript', 'developer']);
    expect(normalizeTitleText('Frontend Guru')).toEqual(['frontend', 'developer']);
  });

  it('reads praise after any other field as nothing', () => {
    expect(normalizeTitleText('Sales Ninja')).toEqual(['sales']);
  });

  it('puts the words after a head-first role word before it, nearest last', () => {
    expect(normalizeTitleText('Développeur Back-End PHP')).toEqual(['php', 'backend', 'developer']);
  });

  it('reads a French or Spanish role phrase whole, its field before it', () => {
    expect(normalizeTitleText('Chef de Projet Informatique')).toEqual([
      'information',
      'technology',
      'project',
      'manager',
    ]);
    expect(normalizeTitleText('Chef de Partie')).toEqual(['chef', 'partie']);
  });

  it('reads a Malay title in English order, its field before its role word', () => {
    expect(normalizeTitleText('Pemandu Lori')).toEqual(['truck', 'driver']);
    expect(normalizeTitleText('Pegawai Khidmat Pelanggan')).toEqual([
      'customer',
      'service',
      'officer',
    ]);
    expect(normalizeTitleText('Penolong Pengurus Jualan')).toEqual([
      'assistant',
      'sales',
      'manager',
    ]);
  });

  it('reads Malay roles and fields of two words as one', () => {
    expect(normalizeTitleText('Tukang Masak')).toEqual(['cook']);
    expect(normalizeTitleText('Eksekutif Sumber Manusia')).toEqual([
      'human',
      'resource',
      'executive',
    ]);
    expect(normalizeTitleText('Pekerja Am')).toEqual(['general', 'worker']);
    expect(normalizeTitleText('Pembantu Am')).toEqual(['general', 'worker']);
  });

  it('reads Malay "guru" leading a title or alone as teacher, and as praise when it ends one', () => {
    expect(normalizeTitleText('Guru Tadika')).toEqual(['kindergarten', 'teacher']);
    expect(normalizeTitleText('Guru')).toEqual(['teacher']);
    expect(normalizeTitleText('Sales Guru')).toEqual(['sales']);
  });

  it('reads Malay trades and places of work written as two words', () => {
    expect(normalizeTitleText('Tukang Cat')).toEqual(['painter']);
    expect(normalizeTitleText('Ejen Pusat Panggilan')).toEqual(['call', 'centre', 'agent']);
    expect(normalizeTitleText('Juruteknik Penyaman Udara')).toEqual([
      'air',
      'conditioning',
      'technician',
    ]);
  });

  it('reads a Malay role of two words before its field, as a role of one word is read', () => {
    expect(normalizeTitleText('PEKERJA AM KILANG')).toEqual(['factory', 'general', 'worker']);
  });

  it('reads the Malay words for trades met in factories, shops and public service', () => {
    expect(normalizeTitleText('Pegawai Perolehan')).toEqual(['procurement', 'officer']);
    expect(normalizeTitleText('Pemunggah Barang')).toEqual(['good', 'loader']);
    expect(normalizeTitleText('Pustakawan')).toEqual(['librarian']);
    expect(normalizeTitleText('Budak Pejabat')).toEqual(['office', 'boy']);
  });

  it('leaves AM alone outside a Malay phrase', () => {
    expect(normalizeTitleText('AM Technician')).toEqual(['am', 'technician']);
  });

  it('reads admin before another word as administrative, and as administrator at the end', () => {
    expect(normalizeTitleText('Admin Assistant')).toEqual(['administrative', 'assistant']);
    expect(normalizeTitleText('IT Admin')).toEqual(['information', 'technology', 'administrator']);
  });

  it('writes SFDC out as Salesforce', () => {
    expect(normalizeTitleText('SFDC Admin')).toEqual(['salesforce', 'administrator']);
  });

  it('reads business development as one field, not as software development', () => {
    expect(normalizeTitleText('Business Development Manager')).toEqual([
      'businessdevelopment',
      'manager',
    ]);
  });

  it('reads a business developer as one who sells, not as a developer', () => {
    expect(normalizeTitleText('Business Developer')).toEqual(['businessdeveloper']);
  });

  it('writes support tiers in words, as taxonomies list them', () => {
    expect(normalizeTitleText('1st Line Support')).toEqual(['first', 'line', 'support']);
  });

  it('joins pre-sales and presales into one word', () => {
    expect(normalizeTitleText('Pre-Sales Engineer')).toEqual(
      normalizeTitleText('Presales Engineer'),
    );
  });

  it('reads tech before another word as technical, and as technician at the end', () => {
    expect(normalizeTitleText('Tech Writer')).toEqual(['technical', 'writer']);
    expect(normalizeTitleText('Pharmacy Tech')).toEqual(['pharmacy', 'technician']);
  });

  it('reads ICT as IT, as ESCO and postings name one field', () => {
    expect(normalizeTitleText('ICT Trainer')).toEqual(normalizeTitleText('IT Trainer'));
  });

  it('reads British and American spellings of a title as one', () => {
    expect(normalizeTitleText('Call Centre Labourers')).toEqual(
      normalizeTitleText('Call Center Laborer'),
    );
  });

  it('writes k8s out as Kubernetes', () => {
    expect(normalizeTitleText('k8s engineer')).toEqual(['kubernetes', 'engineer']);
  });

  it('does not mistake a title word for an object property', () => {
    expect(normalizeTitleText('constructor')).toEqual(['constructor']);
  });
});

describe('singularize', () => {
  it('leaves words that only look plural alone', () => {
    expect(singularize('sales')).toBe('sales');
    expect(singularize('business')).toBe('business');
    expect(singularize('analysis')).toBe('analysis');
    expect(singularize('logistics')).toBe('logistics');
  });

  it('keeps securities apart from security', () => {
    expect(singularize('securities')).not.toBe(singularize('security'));
  });
});
