/**
 * The whole menu each kind of user sees, in order. A capability that adds a page changes these,
 * and the browser tests then say so in one place.
 */
export const adminMenu = ['客户', '联系人', '公海客户', '客户查重', '客户合并记录', '数据导入', '通知', '管理首页', '线索', '商机看板', '商机列表', '辅导视图', '销售漏斗', '预测与目标', '报价单', '订单', '执行工作台', '应收账款', '产品', '价格表', '组织架构', '用户', '角色权限', '自定义字段', '审计日志', '回收站', 'API 密钥', 'Webhook 订阅', '销售流程', '订单类型', '销售设置'];
export const adminMenuEn = ['Accounts', 'Contacts', 'Public pool', 'Duplicates', 'Account merges', 'Import data', 'Notifications', 'Management home', 'Leads', 'Pipeline board', 'Opportunities', 'Coaching', 'Funnel', 'Forecast & targets', 'Quotes', 'Orders', 'Work queue', 'Receivables', 'Products', 'Price lists', 'Organisation', 'Users', 'Roles', 'Custom fields', 'Audit log', 'Recycle bin', 'API keys', 'Webhooks', 'Pipelines', 'Order types', 'Sales settings'];
export const repMenu = ['客户', '联系人', '公海客户', '通知', '管理首页', '线索', '商机看板', '商机列表', '销售漏斗', '预测与目标', '报价单', '订单', '应收账款', '产品', '价格表', '组织架构', '用户'];
