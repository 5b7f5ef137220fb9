/**
 * Server texts of the transfer workflow's partner zones, brokers and challenge prizes (zh-CN and en side by side);
 * merged into src/shared/i18n/messages.ts. en defines the keys; zh must have exactly the same ones.
 */
const en = {
  'transfer.partners.adminOnly': 'Only a platform admin may manage partner zones.',
  'transfer.partners.self': 'a zone cannot be paired with itself',
  'transfer.partners.noZone': 'zone {id} does not exist',
  'transfer.partners.exists': 'these two zones are already paired',
  'transfer.partners.notFound': 'zones {zone} and {partner} are not paired',
  'transfer.brokers.forBrokers': 'Broker figures are for brokers.',
  'transfer.brokers.notBroker': 'user {id} is not an active broker of the case\'s zone',
  'transfer.brokers.notAgency': 'organisation {id} is not a technology-transfer service agency',
};

const zh: Record<keyof typeof en, string> = {
  'transfer.partners.adminOnly': '只有平台管理员可以管理结对园区。',
  'transfer.partners.self': '园区不能与自身结对',
  'transfer.partners.noZone': '园区 {id} 不存在',
  'transfer.partners.exists': '这两个园区已经结对',
  'transfer.partners.notFound': '园区 {zone} 与 {partner} 没有结对',
  'transfer.brokers.forBrokers': '经纪人统计仅对技术经纪人开放。',
  'transfer.brokers.notBroker': '用户 {id} 不是该案件所在园区的在岗技术经纪人',
  'transfer.brokers.notAgency': '机构 {id} 不是科技服务（技术转移）机构',
};

export const transferGapsMessages = { en, zh };
