/** A demand and offers about the same technology (copper foil) and one about another, as the transfer tests post them. */
export const future = `${new Date().getFullYear() + 1}-06-30`;
export const GOOD_DEMAND = {
  title: '高导热铜箔连续化制备技术', hightech_field: 'new_materials', ipc_code: 'C25D',
  description: '我公司为锂电池负极集流体供应商，现有电解铜箔产线厚度均匀性差、抗拉强度偏低，导致下游电芯良率下降。需要引进连续化电解铜箔制备及表面处理技术，提升产品一致性和强度，用于高能量密度动力电池。',
  target_indicators: '铜箔厚度 6 μm，抗拉强度 ≥ 400 MPa，延伸率 ≥ 5%，厚度偏差 ≤ 3%',
  acceptance_criteria: '由第三方检测机构按 GB/T 5230 抽检三批次，全部指标达标后验收',
  budget_min: 100, budget_max: 500, deadline: future, cooperation_modes: ['transfer', 'joint_rd'], decision_owner: '总工程师 王工', lang: 'zh-Hans',
};
export const COPPER_OFFER = {
  title: '超薄电解铜箔表面处理与连续制备技术', summary: '本成果提供 4–6 μm 超薄电解铜箔连续化制备及表面粗化处理工艺，抗拉强度可达 450 MPa，适用于锂电池负极集流体，已完成中试验证，可稳定量产。',
  hightech_field: 'new_materials', ipc_code: 'C25D 1/04', trl: 7, ip_status: 'granted_patent', advantages: '与现有工艺相比，厚度偏差由 5% 降至 2%，能耗降低 15%。',
  cooperation_modes: ['transfer', 'licence'], price_expectation: 300, lang: 'zh-Hans',
};
export const OTHER_OFFER = {
  title: '畜禽粪污资源化处理装备', summary: '一种畜禽养殖粪污固液分离与好氧发酵一体化设备，可将粪污转化为有机肥，适用于规模化养殖场。设备集成螺旋挤压分离、槽式好氧发酵和臭气生物滤池，单套日处理粪污 50 吨，已在三家养殖场连续运行两年。',
  hightech_field: 'resources_environment', trl: 6, ip_status: 'pending_patent', advantages: '占地少，发酵周期缩短 30%，运行能耗比同类设备低 20%。',
  cooperation_modes: ['transfer'], price_expectation: 80, lang: 'zh-Hans',
};
