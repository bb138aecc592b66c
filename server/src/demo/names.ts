import { pinyin } from 'pinyin-pro';
import type { Rng } from './random.ts';

/**
 * Chinese person names as they occur: surnames weighted by how common they are (王, 李 and 张 alone
 * are a fifth of the population), given names of one or two characters from pools that read as
 * male or female. Faker's zh_CN locale draws surnames uniformly, which looks wrong at once.
 */
const surnames: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 66], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 21], ['吴', 20], ['周', 19],
  ['徐', 17], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 13], ['郭', 11], ['何', 11], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 8], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1],
  ['欧阳', 0.5], ['司马', 0.2], ['诸葛', 0.2], ['上官', 0.2],
];

const maleChars = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建峰亮成东晨博文志海洋振国永庆德嘉睿轩泽宏毅天家远航立新春'];
const femaleChars = [...'芳娜敏静丽艳娟霞秀玲燕婷雪慧倩颖琳晶欣悦佳怡梅兰莉萍红洁蓉璐露瑶薇琪雯婧月云珊蕾梦雨诗涵妍丹'];
const sharedChars = [...'晓思子一小雅文嘉宇心'];

export interface PersonName {
  name: string;
  surname: string;
  gender: 'male' | 'female';
}

export function personName(rng: Rng): PersonName {
  const surname = rng.weighted(surnames);
  const gender = rng.chance(0.55) ? 'male' : 'female';
  const pool = gender === 'male' ? maleChars : femaleChars;
  // About a third of names born since the 1970s have a one-character given name (张伟, 王芳).
  const given = rng.chance(0.3)
    ? rng.pick(pool)
    : (rng.chance(0.25) ? rng.pick(sharedChars) : rng.pick(pool)) + rng.pick(pool);
  return { name: surname + given, surname, gender };
}

/** Full pinyin without tones, surnames read as surnames (曾 zeng, 单 shan): 张伟 → zhangwei. */
export function pinyinLogin(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** zhangwei, zhangwei2, zhangwei3… in the order asked, so the same seed gives the same logins. */
export function uniqueLogins() {
  const taken = new Map<string, number>();
  return (base: string): string => {
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  };
}

const mobilePrefixes = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '199',
];

/** A mainland mobile number, 11 digits, stored without spaces as users type them. */
export function mobilePhone(rng: Rng): string {
  return rng.pick(mobilePrefixes) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}
