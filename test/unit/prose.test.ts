// Prose rules (issue 6): typo, duplicate-text, ocr-debris, punctuation, traditional-char, injected-content,
// name-mismatch, year-mismatch, doc-reference. Positive and negative cases per rule, the user dictionary, the
// automaton, precision on the clean 淮安 report, and mutated copies of it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkReport, type Finding } from '../../server/src/core';
import { Automaton } from '../../server/src/core/prose/automaton';
import { typoLexicon } from '../../server/src/core/prose/lexicon';
import { linkSpans, matchesStarting } from '../../server/src/core/prose/util';
import typosData from '../../server/src/core/data/typos.json';
import wordsData from '../../server/src/core/data/words.json';
import { applyEdits, loadReport } from './helpers';

const PROSE = ['typo', 'duplicate-text', 'ocr-debris', 'punctuation', 'traditional-char', 'injected-content', 'name-mismatch', 'year-mismatch', 'doc-reference'];
const CLEAN = loadReport('huaian-2024-pdf-text');

/** A minimal report around a paragraph of prose, so that the title and sections exist. */
function report(body: string, opts: { title?: string; five?: string } = {}): string {
  return `${opts.title ?? '淮安市人民政府2024年政府信息公开工作年度报告'}\n一、总体情况\n${body}\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n${opts.five ?? '无。'}\n六、其他需要报告的事项\n无。\n`;
}

function found(text: string, rule: string, words?: string[]): { text: string; fix?: string; f: Finding }[] {
  return checkReport(text, { words }).findings.filter((f) => f.rule === rule).map((f) => {
    const fix = f.fixes?.find((x) => x.preferred);
    return { text: text.slice(f.start, f.end), fix: fix?.edits[0].newText, f };
  });
}

/** Apply the preferred fixes of one rule. */
function fixed(text: string, rule: string): string {
  const edits = checkReport(text).findings.filter((f) => f.rule === rule).flatMap((f) => f.fixes?.find((x) => x.preferred)?.edits ?? []);
  return applyEdits(text, edits);
}

describe('prose: the clean 淮安 report (precision)', () => {
  it('has no prose finding at all', () => {
    const got = checkReport(CLEAN).findings.filter((f) => PROSE.includes(f.rule));
    assert.deepEqual(got.map((f) => `${f.rule} ${CLEAN.slice(f.start, f.end)}`), []);
  });
  it('nor do the two official notices (clean official prose)', () => {
    // a paragraph of each notice's own wording, as a report body
    const p = '各地区、各部门要认真贯彻落实《中华人民共和国政府信息公开条例》，高度重视政府信息公开工作年度报告编制发布工作，实事求是、明确具体，避免笼统模糊、泛泛而谈，不得出现敷衍了事甚至年年雷同现象。各行政机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处专门报告。';
    assert.deepEqual(checkReport(report(p)).findings.filter((f) => PROSE.includes(f.rule)).map((f) => f.rule), []);
  });
});

describe('prose: typo', () => {
  it('finds listed misspellings at the smallest range, with the fix', () => {
    const t = report('全区政务公开工作质量得到显着提升，按排专人负责，并使用图文形势进行解读，具体的解决办法贺改进措施如下。');
    assert.deepEqual(found(t, 'typo').map((x) => [x.text, x.fix]), [['显着', '显著'], ['按排', '安排'], ['势', '式'], ['贺', '和']]);
    assert.equal(found(fixed(t, 'typo'), 'typo').length, 0);
  });
  it('finds a fixed expression one confusable character off (再接再励, 一如继往, 与时具进)', () => {
    const t = report('我们将再接再励，一如继往地做好工作，与时具进，不断完善。');
    assert.deepEqual(found(t, 'typo').map((x) => [x.text, x.fix]), [['再接再励', '再接再厉'], ['一如继往', '一如既往'], ['与时具进', '与时俱进']]);
  });
  it('finds a word broken over two lines by a PDF (显\\n着)', () => {
    const t = report('工作质量得到显\n着提升。');
    assert.deepEqual(found(t, 'typo').map((x) => [x.text, x.fix]), [['显\n着', '显著']]);
  });
  it('leaves correct text alone: 彰显着, 按排名, 截止日期, 截至目前, 名副其实, 齐心合力', () => {
    const t = report('充分彰显着为民情怀；按排名先后公布；申报截止日期为3月；截至目前全部办结；名副其实；齐心合力推进工作。');
    assert.deepEqual(found(t, 'typo'), []);
  });
  it('截止目前 / 截止2023年底 are 截至', () => {
    const t = report('截止目前，共办理12件；截止2023年底，累计公开。');
    assert.deepEqual(found(t, 'typo').map((x) => [x.text, x.fix]), [['截止', '截至'], ['截止', '截至']]);
  });
  it('the user dictionary (CheckOptions.words) silences a word', () => {
    const t = report('我局使用显着标识牌。');
    assert.equal(found(t, 'typo').length, 1);
    assert.equal(found(t, 'typo', ['显着标识']).length, 0);
  });
  it('the lexicon is data of hundreds of entries, and no listed wrong form is a correct fixed expression', () => {
    const lex = typoLexicon();
    assert.ok(typosData.entries.length >= 300, `${typosData.entries.length} entries`);
    assert.ok(lex.generated >= 1000, `${lex.generated} generated variants`);
    const words = new Set([...wordsData.words, ...wordsData.valid]);
    for (const [w] of typosData.entries as [string, string][]) assert.ok(!words.has(w.replace(/[[\]]/g, '')), w);
    for (const [w, r] of typosData.entries as [string, string][]) assert.notEqual(w.replace(/[[\]]/g, ''), r, w);
  });
});

describe('prose: automaton', () => {
  it('finds every occurrence of every pattern, like a naive search, in both scanning modes', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '政', '府', ' '), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('a', 'b', 'c', '政', '府'), maxLength: 60 }), (pats, text) => {
        const patterns = [...new Set(pats.map((p) => p.replace(/ /g, '')).filter(Boolean))];
        const ac = new Automaton(patterns);
        const naive: string[] = [];
        patterns.forEach((p, id) => { for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) naive.push(`${i}:${i + p.length}:${id}`); });
        const a: string[] = [], b: string[] = [], c: string[] = [];
        ac.scan(text, 0, text.length, (m) => a.push(`${m.start}:${m.end}:${m.id}`));
        ac.scanSkippingSpace(text, 0, text.length, (m) => b.push(`${m.start}:${m.end}:${m.id}`));
        ac.scanStarts(text, 0, text.length, (start, end, id) => c.push(`${start}:${end}:${id}`));
        assert.deepEqual(a.sort(), naive.sort());
        assert.deepEqual(b.sort(), naive.sort());
        assert.deepEqual(c.sort(), naive.sort());
      }), { numRuns: 300 });
  });
  it('scanStarts (bigram and trigram filters) finds what scanSkippingSpace finds, white space and line breaks included', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '政', '府', '公'), minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '政', '府', '公', ' ', '\n', '\u3000'), maxLength: 80 }), (patterns, text) => {
        const ac = new Automaton([...new Set(patterns)]);
        const want: string[] = [], got: string[] = [];
        ac.scanSkippingSpace(text, 0, text.length, (m) => want.push(`${m.start}:${m.end}:${m.id}`));
        ac.scanStarts(text, 0, text.length, (start, end, id) => got.push(`${start}:${end}:${id}`));
        assert.deepEqual(got.sort(), want.sort());
      }), { numRuns: 400 });
  });
  it('skips white space inside a word', () => {
    const ac = new Automaton(['显着']);
    const got: string[] = [];
    ac.scanStarts('得到显 \n着提升', 0, 8, (start, end) => got.push(`${start}-${end}`));
    assert.deepEqual(got, ['2-6']);
  });
});

describe('prose: matchesStarting', () => {
  it('finds what a loop of exec with the g flag finds, for expressions that begin with one of the given literals', () => {
    const cases: [RegExp, string[]][] = [
      [/国令\s*(?:第\s*)?(\d+)号|国务院令(\d+)/, ['国令', '国务院令']],
      [/自\s*(\d{2})年[^。]{0,3}?至(\d{2})/, ['自']],
      [/国国?令/, ['国']],
    ];
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('国', '务', '院', '令', '第', '号', '自', '至', '年', '。', ' ', '1', '2'), maxLength: 80 }), (text) => {
      for (const [re, starts] of cases) {
        const g = new RegExp(re.source, 'g');
        const want: string[] = [];
        for (let m = g.exec(text); m; m = g.exec(text)) want.push(`${m.index}:${m[0]}:${m.slice(1).join('|')}`);
        const got = matchesStarting(re, text, starts).map((m) => `${m.index}:${m[0]}:${m.slice(1).join('|')}`);
        assert.deepEqual(got, want, re.source);
      }
    }), { numRuns: 500 });
  });
});

describe('prose: linkSpans', () => {
  it('finds the links and e-mail addresses the exec loop of the expression it replaces finds', () => {
    const re = /(?:https?:\/\/|www\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
    const unit = fc.constantFrom('a', 'b', 'c', '1', '.', '-', '@', 'http', 'https://', 'www.', ':', '/', ' ', '中', '，', 'x@ab.cn', '.cn', 'ab');
    fc.assert(fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const want: string[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) want.push(`${m.index}-${m.index + m[0].length}`);
      assert.deepEqual(linkSpans(text).map((s) => `${s.start}-${s.end}`), want, text);
    }), { numRuns: 3000 });
  });
});

describe('prose: duplicate-text', () => {
  it('a word typed twice, a list item twice, a function character twice, a sentence twice', () => {
    const t = report('严格审核审核程序；公开规章、规章、规范性文件；这是我们的的工作。加强政务公开工作。加强政务公开工作。');
    assert.deepEqual(found(t, 'duplicate-text').map((x) => [x.text, x.fix]), [['审核', ''], ['、规章', ''], ['的', ''], ['加强政务公开工作。', '']]);
    assert.equal(found(fixed(t, 'duplicate-text'), 'duplicate-text').length, 0);
  });
  it('leaves reduplication and repeated subjects alone', () => {
    const t = report('的的确确；是是非非；研究研究；一步一步推进；方方面面；领导小组，领导小组下设办公室；商务信息、信息公开；目的的实现。');
    assert.deepEqual(found(t, 'duplicate-text'), []);
  });
});

describe('prose: ocr-debris', () => {
  it('a stray letter before a Chinese word and garbage characters; A级 and P2P are fine', () => {
    const t = report('上年E结转申请，评为A级单位，P2P平台，乱码\uFFFD字符。');
    assert.deepEqual(found(t, 'ocr-debris').map((x) => [x.text, x.fix]), [['E', ''], ['\uFFFD', '']]);
  });
  it('seed 000: the line of unrelated characters inside 表三 and the Latin junk in the 表四 header', () => {
    const t = loadReport('000_3d3a2a252aa442c3');
    const got = found(t, 'ocr-debris').map((x) => x.text);
    assert.ok(got.includes('(大阳粉积的石统光石头, 然 西胡然一声之后 然'), got.join('|'));
    assert.ok(got.includes('4H 4H 4M 4H'));
  });
});

describe('prose: punctuation', () => {
  it('half-width marks among full-width ones: one finding each, fixed to full width, with a fix-all', () => {
    const t = report('我局高度重视，召开会议,研究部署(一)项工作：一是落实;二是公开，三是监督，四是考核，五是培训，六是宣传。');
    const got = found(t, 'punctuation');
    assert.deepEqual(got.map((x) => [x.text, x.fix]), [[',', '，'], ['(', '（'], [')', '）'], [';', '；']]);
    assert.ok(got[0].f.fixes!.some((x) => !x.preferred && x.edits.length === 4));
    assert.equal(found(fixed(t, 'punctuation'), 'punctuation').length, 0);
  });
  it('a text written with half-width marks throughout: one finding whose fix converts them all', () => {
    const t = report('我局高度重视,召开会议,研究部署(一)项工作:一是落实;二是公开;三是监督。');
    const got = found(t, 'punctuation');
    assert.equal(got.length, 1);
    assert.equal(got[0].f.fixes![0].edits.length, 7);
    assert.equal(found(fixed(t, 'punctuation'), 'punctuation').length, 0);
  });
  it('numbers, times, URLs and English stay as they are', () => {
    const t = report('收费1,000元，时间9:30，网址http://www.gov.cn/a?b=1,c，电子邮箱a@b.cn，Hello, world.');
    assert.deepEqual(found(t, 'punctuation'), []);
  });
  it('brackets and quotes that do not pair up; doubled marks', () => {
    const t = report('根据《条例规定，开展“回头看工作。）\n全年办结。。其他，，');
    const got = found(t, 'punctuation').map((x) => [x.text, x.fix ?? null]);
    assert.deepEqual(got, [['《', null], ['“', null], ['）', null], ['。', ''], ['，', '']]);
  });
});

describe('prose: traditional-char', () => {
  it('seed 001: 灤 in the title and body, 漣 in the body, fixed to the real place 瀍', () => {
    const got = found(loadReport('001_205104d3919f452a'), 'traditional-char').map((x) => [x.text, x.fix]);
    assert.deepEqual(got, [['灤', '瀍'], ['灤', '瀍'], ['灤', '瀍'], ['灤', '瀍'], ['漣', '瀍']]);
  });
  it('elsewhere the simplified form; a run is one finding; 著 乾 於 are not reported', () => {
    const t = report('本機關積極推進工作，显著提升，乾坤，於是。');
    assert.deepEqual(found(t, 'traditional-char').map((x) => [x.text, x.fix]), [['機關積極', '机关积极'], ['進', '进']]);
  });
  it('the user dictionary silences it', () => {
    assert.equal(found(report('臺灣同胞服务中心。'), 'traditional-char', ['臺灣']).length, 0);
  });
});

describe('prose: injected-content', () => {
  it('seed 002: every spam run, removed by the fix, the city name after it kept', () => {
    const t = loadReport('002_b67df828cb4a1735');
    const got = found(t, 'injected-content');
    assert.equal(got.length, 9);
    for (const x of got) { assert.equal(x.text, 'beat365体育亚洲入口_365bet最新备用_bte365'); assert.equal(x.fix, ''); }
    const clean = fixed(t, 'injected-content');
    assert.ok(clean.includes('开设市电子商务进农村综合示范工作专栏'));
    assert.equal(found(clean, 'injected-content').length, 0);
  });
  it('Chinese, pinyin-ish and Latin spam; a wrapped run is one finding', () => {
    const t = report('详见澳门新葡京娱乐城官网入口，bet365体育在线\n投注，以及www.abc-casino.xyz。');
    const got = found(t, 'injected-content').map((x) => x.text);
    assert.deepEqual(got, ['澳门新葡京娱乐城官网入口', 'bet365体育在线\n投注', 'www.abc-casino.xyz']);
  });
  it('a spam run far longer than the window looked at around a term is still one finding, reported once', () => {
    const run = Array.from({ length: 30 }, (_, i) => (i % 3 ? '体育亚洲入口_最新备用_' : 'beat365体育_')).join('') + 'bte365';
    const t = report(`市商务局在${run}网站开设专栏。另见${run}。`);
    const got = found(t, 'injected-content').map((x) => x.text);
    assert.deepEqual(got, [run, run]);
  });
  it('pinyin spam: baijiale, bocai365', () => {
    const t = report('欢迎访问baijiale最新备用入口和bocai365官网。');
    assert.deepEqual(found(t, 'injected-content').map((x) => x.text), ['baijiale最新备用', 'bocai365']);
  });
  it('legitimate uses stay: 打击赌博, 福利彩票, 娱乐场所, 12345热线, APP, gov.cn links', () => {
    const t = report('依法打击赌博违法犯罪，规范福利彩票销售和娱乐场所管理，畅通12345热线，上线政务APP，网址http://www.gov.cn，between slot Tibet 365天。');
    assert.deepEqual(found(t, 'injected-content'), []);
  });
});

describe('prose: name-mismatch', () => {
  it('seed 001: 漣河 in the body against 灤河 in the title, fixed to the real place 瀍河', () => {
    const got = found(loadReport('001_205104d3919f452a'), 'name-mismatch');
    assert.deepEqual(got.map((x) => [x.text, x.fix]), [['漣河', '瀍河']]);
    assert.ok(got[0].f.related?.length);
  });
  it('a body place one character off a real title place is fixed to the title\'s', () => {
    const t = report('2024 年，淮按市政务公开工作取得成效。', { title: '淮安市人民政府2024年政府信息公开工作年度报告' });
    assert.deepEqual(found(t, 'name-mismatch').map((x) => [x.text, x.fix]), [['淮按', '淮安']]);
  });
  it('real neighbouring places and compounds are not mismatches (淮阴区, 铜陵市, 沿河区域)', () => {
    const t = report('会同淮阴区、铜陵市开展工作，沿河区域治理。', { title: '淮安市人民政府2024年政府信息公开工作年度报告' });
    assert.deepEqual(found(t, 'name-mismatch'), []);
  });
  it('the title place itself, one character off a real one (and no traditional character)', () => {
    const t = report('开展工作。', { title: '铜宫区经信局2023年政府信息公开工作年度报告' });
    assert.deepEqual(found(t, 'name-mismatch').map((x) => [x.text, x.fix]), [['铜宫区', '铜官区']]);
  });
  it('the user dictionary silences it', () => {
    const t = report('淮按市政务公开工作取得成效。');
    assert.equal(found(t, 'name-mismatch', ['淮按']).length, 0);
  });
});

describe('prose: year-mismatch', () => {
  it('a statistics period of another year', () => {
    const t = CLEAN.replace('统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日', '统计期限自 2023 年 1 月 1 日至 2023 年 12 月 31 日');
    assert.deepEqual(found(t, 'year-mismatch').map((x) => [x.text, x.fix]), [['2023', '2024'], ['2023', '2024']]);
  });
  it('a paragraph of 一 opening with last year', () => {
    const t = CLEAN.replace('2024 年，全市共受理', '2023 年，全市共受理');
    assert.deepEqual(found(t, 'year-mismatch').map((x) => [x.text, x.fix]), [['2023', '2024']]);
  });
  it('a plan for the report year itself in 五; a plan for next year is right', () => {
    const plan = report('2024 年，全市共受理申请。', { five: '2024年，我市将进一步加强政策解读。' });
    assert.deepEqual(found(plan, 'year-mismatch').map((x) => [x.text, x.fix]), [['2024', '2025']]);
    assert.deepEqual(found(report('2024 年，全市共受理申请。', { five: '2025年，我市将进一步加强政策解读。' }), 'year-mismatch'), []);
    assert.deepEqual(found(report('2024 年，全市共受理申请。', { five: '2024年，我市政务公开工作取得一定成效，但仍存在不足。' }), 'year-mismatch'), []);
  });
});

describe('prose: doc-reference', () => {
  it('seed 003: 国办公开办函〔2023〕30 号 -> 〔2021〕30号', () => {
    assert.deepEqual(found(loadReport('003_b5a011f3d089b4ff'), 'doc-reference').map((x) => [x.text, x.fix]), [['国办公开办函〔2023〕30 号', '国办公开办函〔2021〕30号']]);
  });
  it('the regulation number, the 2019 notice, brackets; the right citations stay', () => {
    const t = report('根据《中华人民共和国政府信息公开条例》（国务院令第492号）和《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2018〕60号），参照国办公开办函[2021]30号。');
    assert.deepEqual(found(t, 'doc-reference').map((x) => [x.text, x.fix]), [['492', '711'], ['国办公开办函〔2018〕60号', '国办公开办函〔2019〕60号'], ['国办公开办函[2021]30号', '国办公开办函〔2021〕30号']]);
    const ok = report('根据《中华人民共和国政府信息公开条例》（国令第711号）和国办公开办函〔2021〕30号、国办公开办函〔2019〕51号。');
    assert.deepEqual(found(ok, 'doc-reference'), []);
  });
});

describe('prose: mutated copies of the clean report', () => {
  const cases: [string, string, string, string][] = [
    // rule, original text, mutated text, expected reported text
    ['typo', '认真学习宣传贯彻', '认真学习宣传惯彻', '惯彻'],
    ['typo', '建立健全重要事项', '建立建全重要事项', '建立建全'],
    ['typo', '截至目前，全市', '截止目前，全市', '截止'],
    ['duplicate-text', '规范审查程序', '规范审查审查程序', '审查'],
    ['traditional-char', '政府信息管理情况', '政府資訊管理情况', '資訊'],
    ['punctuation', '严格落实《中华人民共和国政府信息公开条例》各项规定，', '严格落实《中华人民共和国政府信息公开条例》各项规定,', ','],
    ['injected-content', '组织召开了', '组织召开了永利皇宫娱乐城官方入口', '娱乐城官方入口'],
    ['ocr-debris', '优化主动', '优化X主动', 'X'],
    ['name-mismatch', '淮安市人民政府办公室根据', '淮按市人民政府办公室根据', '淮按'],
    ['doc-reference', '国令第 711 号', '国令第 71 号', '71'],
  ];
  for (const [rule, from, to, want] of cases) {
    it(`${rule}: ${to}`, () => {
      assert.ok(CLEAN.includes(from), from);
      const t = CLEAN.replace(from, to);
      const got = found(t, rule);
      assert.deepEqual(got.map((x) => x.text), [want]);
      const others = checkReport(t).findings.filter((f) => PROSE.includes(f.rule) && f.rule !== rule);
      assert.deepEqual(others.map((f) => f.rule), []);
      if (got[0].fix !== undefined) assert.equal(found(fixed(t, rule), rule).length, 0);
    });
  }
});
