import { describe, expect, it } from 'vitest';
import {
  findJobAskedFor,
  findOpeningTitle,
  findTitleLine,
  namesOtherField,
  opensJobWord,
} from './title-line.js';

describe('findTitleLine', () => {
  it('takes a Markdown heading at the top', () => {
    const text = '# Senior Data Engineer\nWe move data.';
    expect(findTitleLine(text)).toEqual({ text: 'Senior Data Engineer', start: 2, end: 22 });
  });

  it('takes a labelled title line', () => {
    const text = 'Acme Corp\nJob title: Platform Engineer\nAbout us...';
    const line = findTitleLine(text)!;
    expect(line.text).toBe('Platform Engineer');
    expect(text.slice(line.start, line.end)).toBe('Platform Engineer');
  });

  it('skips a company line that names no job', () => {
    expect(findTitleLine('Acme Corp\n\nBackend Developer\nWe build things.')?.text).toBe(
      'Backend Developer',
    );
  });

  it.each(['Teamlead Backend (m/w/d)', 'Tech-Lead Platform', 'Teamleiterin Softwareentwicklung'])(
    'takes "%s", a lead however joined, as the title',
    (title) => {
      expect(findTitleLine(`Acme GmbH\n${title}\nWir bauen Software.`)?.text).toBe(title);
    },
  );

  it('takes a line naming an author, as writers of manuals are also called', () => {
    expect(findTitleLine('Technical Author (Documentation)\nIT Services')?.text).toBe(
      'Technical Author (Documentation)',
    );
  });

  it('finds no title when the text starts with sentences', () => {
    expect(
      findTitleLine('We are hiring someone to build our website. You will love it.'),
    ).toBeUndefined();
  });

  it('takes the title of a job outside technology too', () => {
    expect(findTitleLine('Account Executive, Mid-Market\nWe sell software.')?.text).toBe(
      'Account Executive, Mid-Market',
    );
    expect(findTitleLine('Night Nurse - Cardiology\nJoin our ward.')?.text).toBe(
      'Night Nurse - Cardiology',
    );
  });
});

describe('a title line outside technology', () => {
  it('is taken only when no line near the top names a technology job', () => {
    const text = 'Jane Doe, Talent Partner\nFrontend Developer\nWe build web apps.';
    expect(findTitleLine(text)?.text).toBe('Frontend Developer');
  });
});

describe('findJobAskedFor', () => {
  it('takes the job a posting asks for in its opening, up to where it has been named', () => {
    expect(findJobAskedFor('Looking for a frontend developer to build our app.')?.text).toBe(
      'frontend developer',
    );
    expect(findJobAskedFor('We need a senior data engineer with Spark.')?.text).toBe(
      'senior data engineer',
    );
    expect(findJobAskedFor("We're hiring a night nurse for our ward.")?.text).toBe('night nurse');
  });

  it('gives its place in the text', () => {
    const text = 'We are hiring a data engineer.';
    const job = findJobAskedFor(text)!;
    expect(text.slice(job.start, job.end)).toBe('data engineer');
  });

  it('takes nothing asked for that names no kind of job, or is asked for far into the text', () => {
    expect(findJobAskedFor('We are looking for ways to grow.')).toBeUndefined();
    expect(
      findJobAskedFor(`${'Our story. '.repeat(50)}We are hiring a data engineer.`),
    ).toBeUndefined();
  });
});

describe('namesOtherField', () => {
  it('reads a role phrase that ends in a job outside technology', () => {
    expect(namesOtherField('Account Executive')).toBe(true);
    expect(namesOtherField('Night Nurse')).toBe(true);
    expect(namesOtherField('Delivery Drivers')).toBe(true);
    expect(namesOtherField('Management and Program Analyst')).toBe(true);
    expect(namesOtherField('Budget Analyst')).toBe(true);
  });

  it('leaves role phrases of technology and of any field alone', () => {
    expect(namesOtherField('Insight Executive')).toBe(false);
    expect(namesOtherField('Data Management Analyst')).toBe(false);
    expect(namesOtherField('Sales Engineer')).toBe(false);
    expect(namesOtherField('Project Manager')).toBe(false);
  });
});

describe('opensJobWord', () => {
  it('reads a job word right after a point in a title', () => {
    expect(opensJobWord(' Engineer (m/w/d)')).toBe(true);
    expect(opensJobWord(' researchers wanted')).toBe(true);
  });

  it('reads no job word further on or inside a longer word', () => {
    expect(opensJobWord(' / Event Streaming Engineer')).toBe(false);
    expect(opensJobWord(' Engineering team')).toBe(false);
  });
});

describe('findOpeningTitle', () => {
  it('finds a title run into the first line, ended by a full stop', () => {
    expect(findOpeningTitle('  Data Engineer. Spark and Airflow.')).toEqual({
      text: 'Data Engineer',
      start: 2,
      end: 15,
    });
  });

  it('finds a title ended by a spaced dash', () => {
    expect(findOpeningTitle('Senior Data Engineer - We use Spark.')?.text).toBe(
      'Senior Data Engineer',
    );
  });

  it('finds none in a first sentence that names no kind of job', () => {
    expect(findOpeningTitle('We use Kubernetes. Lots of it.')).toBeUndefined();
  });

  it('finds none in a first sentence too long for a title', () => {
    expect(
      findOpeningTitle(
        'Our growing team in Berlin needs another engineer for the platform. Apply.',
      ),
    ).toBeUndefined();
  });
});
