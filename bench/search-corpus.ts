/**
 * A synthetic vault for the search benchmark: mixed English and Chinese messages whose terms run
 * from very common (in about half the messages) to rare (a handful), written straight through the
 * import's writer, and the same messages as a plain-text export for ripgrep.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { migrate } from '../src/main/engine/db/migrate';
import { MIGRATIONS } from '../src/main/engine/db/migrations';
import { openDatabase, tuneForImport } from '../src/main/engine/db/open-database';
import { LATER_BATCH_MESSAGES } from '../src/main/engine/import/batch-policy';
import { VaultWriter, messageRow, type MessageRow } from '../src/main/engine/import/vault-writer';
import { plainMessage } from '../src/main/engine/readers/records';

/** A seeded generator, so every run searches the same vault (the search tests use it too). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

const ENGLISH = (
  'time people way day man thing woman life child world school state family student group ' +
  'country problem hand part place case week company system program question work government ' +
  'number night point home water room mother area money story fact month lot right study book ' +
  'eye job word business issue side kind head house service friend father power hour game line ' +
  'end member law car city community name president team minute idea kid body information back ' +
  'parent face others level office door health person art war history party result change ' +
  'morning reason research girl guy moment air teacher force education dinner photo tomorrow'
).split(' ');
const CHINESE =
  '我你他她们的是了在有不这个人中大为上来说国年着就那和要以时地出会可也能对生而子得自下过天去好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感见明问力理尔点文几定本公特做外孩相西果走将月十实向声车全信重三机工物气每并别真打太新比才便夫再书部水像眼等体却加电主界门利海受听表德少克代员许稜先口由死安写性马光白或住难望教命花结乐色更拉东神记处让母父应直字场平报友关放至张认接告入笑内英军候民岁往何度山觉路带万男边风解叫任金快原吃妈变通师立象数四失满战远格士音轻目条呢病始达深完今提求清王化空业思切怎非找片罗钱紶吗语元喜曾离飞科言干流欢约各即指合反题必该论交终林请医晚制球决窢传画保读运及则房早院量苦火布品近坐产答星精视五连司巴奇管类未朋且婚台夜青北队久乎越观落尽形影红爸百令周吧识步希亚术留市半热送兴造谈容极随演收首根讲整式取照办强石古华諣拿计您装似足双妻尼转诉米称丽客南领节衣站黑刻统断福城故历惊脸选包紧争另建维绝树系伤示愿持千史谁准联妇纪基买志静阿诗独复痛消社算义竟确酒需单治卡幸兰念举仅钟怕共毛句息功官待究跟穿室易游程号居考突皮哪费倒价图具刚脑永歌响商礼细专黄块脚味灵改据般破引食仍存众注笔甚某沉血备习校默务土微娘须试怀料调广蜖苏显赛查密议底列富梦错座参八除跑亮假印设线温虽掉京初养香停际致阳纸李纳验助激够严证帝饭忘趣支春集丈木研班普导顿睡展跳获艺六波察群皇段急庭创区奥器谢弟店否害草排背止组州朝封睛板角况曲馆育忙质河续哥呼若推境遇雨标姐充围案伦护冷警贝著雪索剧啊船险烟依斗值帮汉慢佛肯闻唱沙局伯族低玩资屋击速顾泪洲团圣旁堂兵七露园牛哭旅街劳型烈姑陈莫鱼异抱宝权鲁简态级票怪寻杀律胜份汽右洋范床舞秘午登楼贵吸责例追较职属渐左录丝牙党继托赶章智冲叶胡吉卖坚喝肉遗救修松临藏担戏善卫药悲敢靠伊村戴词森耳差短祖云规窗散迷油旧适乡架恩投弹铁博雷府压超负勒杂醒洗采毫嘴毕九冰既状乱景席珍童顶派素脱农疑练野按犯拍征坏骨余承置臓彩灯巨琴免环姆暗换技翻束增忍餐洛塞缺忆判欧层付阵玛批岛项狗休懂武革良恶恋委拥娜妙探呀营退摇弄桌熟诺宣银势奖宫忽套康供优课鸟喊降夏困刘罪亡鞋健模败伴守挥鲜财孤枪禁恐伙杰迹妹藸遍盖副坦牌江顺秋萨菜划授归浪听凡预奶雄升碃编典袋莱含盛济蒙棋端腿招释介烧误'.split(
    '',
  );
const SENDERS = ['Ana', 'Bo', 'Chen Wei', '李雷', '韩梅梅', 'Dmitri', 'Fatima', 'Kenji'];
const CONVERSATIONS = 40;

/** Terms planted at known rates, so the query set spans rare to very common. */
export const PLANTED = {
  rareWord: 'quixotically',
  rareChinese: '饕餮',
} as const;

type Generated = Readonly<{ text: string; sender: string; conversation: number }>;

function messageAt(next: () => number): Generated {
  const roll = next();
  const words: string[] = [];
  const length = 3 + Math.floor(next() * 12);
  if (roll < 0.5) {
    for (let i = 0; i < length; i += 1) {
      // Zipf-like: low indexes far more often.
      words.push(ENGLISH[Math.floor(ENGLISH.length * next() ** 3)] ?? 'time');
    }
    // "the" in about half of all messages (all of the English ones).
    words.splice(Math.floor(next() * words.length), 0, 'the');
    if (next() < 0.000_01) words.push(PLANTED.rareWord);
    return { text: words.join(' '), sender: pick(SENDERS, next), conversation: pick40(next) };
  }
  let text = '';
  for (let i = 0; i < length * 2; i += 1)
    text += CHINESE[Math.floor(CHINESE.length * next() ** 2.5)];
  if (next() < 0.000_01) text += PLANTED.rareChinese;
  if (roll > 0.85) text += ` ${ENGLISH[Math.floor(ENGLISH.length * next())] ?? 'ok'}!`;
  return { text, sender: pick(SENDERS, next), conversation: pick40(next) };
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)] ?? (list[0] as T);
}

const pick40 = (next: () => number): number => Math.floor(CONVERSATIONS * next() ** 2);

/** Writes `count` messages into a new vault at `vaultDir` and the raw text export beside it. */
export async function writeSearchCorpus(
  vaultDir: string,
  count: number,
): Promise<Readonly<{ rawFile: string; seconds: number }>> {
  const file = path.join(vaultDir, 'vault.db');
  const db = openDatabase(file);
  migrate(db, MIGRATIONS, file);
  tuneForImport(db);
  db.prepare(
    "INSERT INTO archives (public_id, name, source_path, format, container, status, started_at) VALUES ('a', 'bench', 'bench', 'bench', 'file', 'complete', 0)",
  ).run();
  const writer = new VaultWriter(db);
  const rawFile = path.join(vaultDir, 'export.txt');
  const raw = createWriteStream(rawFile);
  const next = seededRandom(2026);
  const conversations = Array.from({ length: CONVERSATIONS }, (_unused, index) => ({
    id: `conversation-${index}`,
    platform: index % 2 === 0 ? ('whatsapp' as const) : ('wechat' as const),
    title: index % 2 === 0 ? `Group ${index}` : `群聊 ${index}`,
  }));
  const started = performance.now();
  const start = Date.UTC(2016, 0, 1);
  for (let done = 0; done < count;) {
    const batch: MessageRow[] = [];
    let lines = '';
    for (; batch.length < LATER_BATCH_MESSAGES && done < count; done += 1) {
      const { text, sender, conversation } = messageAt(next);
      const sentAt = start + done * 45_000;
      batch.push(
        messageRow(
          `conversation-${conversation}`,
          `k${done}`,
          plainMessage({ sentAt, sender, text }),
          [],
        ),
      );
      lines += `${new Date(sentAt).toISOString()} - ${sender}: ${text}\n`;
    }
    writer.commit(
      {
        conversations: done <= LATER_BATCH_MESSAGES ? conversations : [],
        participants: [],
        messages: batch,
      },
      1,
      { id: 0, recordsDone: done },
    );
    if (!raw.write(lines)) await once(raw, 'drain');
  }
  raw.end();
  await once(raw, 'finish');
  db.close();
  return { rawFile, seconds: (performance.now() - started) / 1000 };
}
