/** A branch city: its name, a short code for org-unit codes, and a weight for how big the branch is. */
export interface BranchCity {
  city: string;
  code: string;
  province: string;
  /** relative head count: the big ports carry more people */
  weight: number;
}

/** The demo company: a shipping agency with six branches, as named in the product brief. */
export const demoCities: readonly BranchCity[] = [
  { city: '上海', code: 'SH', province: '上海市', weight: 1.4 },
  { city: '北京', code: 'BJ', province: '北京市', weight: 1 },
  { city: '广州', code: 'GZ', province: '广东省', weight: 1.2 },
  { city: '青岛', code: 'QD', province: '山东省', weight: 1 },
  { city: '成都', code: 'CD', province: '四川省', weight: 0.8 },
  { city: '宁波', code: 'NB', province: '浙江省', weight: 1 },
];

/**
 * Forty port cities, as the shipping agency of seed 000 has ("在全国40多个港口城市都设有分支机构"):
 * sea ports from Dalian to Sanya and the big Yangtze river ports.
 */
export const portCities: readonly BranchCity[] = [
  { city: '上海', code: 'SH', province: '上海市', weight: 3 },
  { city: '宁波', code: 'NB', province: '浙江省', weight: 2.5 },
  { city: '深圳', code: 'SZ', province: '广东省', weight: 2.5 },
  { city: '广州', code: 'GZ', province: '广东省', weight: 2.2 },
  { city: '青岛', code: 'QD', province: '山东省', weight: 2.2 },
  { city: '天津', code: 'TJ', province: '天津市', weight: 2 },
  { city: '厦门', code: 'XM', province: '福建省', weight: 1.6 },
  { city: '大连', code: 'DL', province: '辽宁省', weight: 1.6 },
  { city: '舟山', code: 'ZS', province: '浙江省', weight: 1 },
  { city: '苏州', code: 'SU', province: '江苏省', weight: 1.2 },
  { city: '连云港', code: 'LYG', province: '江苏省', weight: 1 },
  { city: '烟台', code: 'YT', province: '山东省', weight: 1 },
  { city: '日照', code: 'RZ', province: '山东省', weight: 1 },
  { city: '营口', code: 'YK', province: '辽宁省', weight: 1 },
  { city: '福州', code: 'FZ', province: '福建省', weight: 1 },
  { city: '泉州', code: 'QZ', province: '福建省', weight: 0.8 },
  { city: '南京', code: 'NJ', province: '江苏省', weight: 1 },
  { city: '南通', code: 'NT', province: '江苏省', weight: 0.8 },
  { city: '张家港', code: 'ZJG', province: '江苏省', weight: 0.7 },
  { city: '镇江', code: 'ZJ', province: '江苏省', weight: 0.6 },
  { city: '太仓', code: 'TC', province: '江苏省', weight: 0.6 },
  { city: '秦皇岛', code: 'QHD', province: '河北省', weight: 0.8 },
  { city: '唐山', code: 'TS', province: '河北省', weight: 0.9 },
  { city: '威海', code: 'WH', province: '山东省', weight: 0.6 },
  { city: '温州', code: 'WZ', province: '浙江省', weight: 0.7 },
  { city: '台州', code: 'TZ', province: '浙江省', weight: 0.6 },
  { city: '汕头', code: 'ST', province: '广东省', weight: 0.6 },
  { city: '珠海', code: 'ZH', province: '广东省', weight: 0.7 },
  { city: '湛江', code: 'ZJA', province: '广东省', weight: 0.7 },
  { city: '东莞', code: 'DG', province: '广东省', weight: 0.8 },
  { city: '江门', code: 'JM', province: '广东省', weight: 0.5 },
  { city: '北海', code: 'BH', province: '广西壮族自治区', weight: 0.5 },
  { city: '钦州', code: 'QZH', province: '广西壮族自治区', weight: 0.5 },
  { city: '防城港', code: 'FCG', province: '广西壮族自治区', weight: 0.5 },
  { city: '海口', code: 'HK', province: '海南省', weight: 0.6 },
  { city: '三亚', code: 'SY', province: '海南省', weight: 0.4 },
  { city: '丹东', code: 'DD', province: '辽宁省', weight: 0.5 },
  { city: '锦州', code: 'JZ', province: '辽宁省', weight: 0.5 },
  { city: '武汉', code: 'WHN', province: '湖北省', weight: 0.9 },
  { city: '重庆', code: 'CQ', province: '重庆市', weight: 0.8 },
];
