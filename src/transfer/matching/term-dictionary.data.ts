// Bilingual technical-term dictionary, hand-written for Kechuang.
// One concept per line: "<high-tech field> | <zh-Hans terms> | <English terms>".
// Traditional Chinese needs no entries: text is folded to Simplified before lookup.
// The first English term names the concept (its id is that term as a slug).
export const TERM_DICTIONARY_SOURCE = `
1.4 | 5g, 第五代移动通信 | 5g, fifth generation mobile, 5g communication
1.4 | 高频高速, 高频 | high frequency, high speed, high-frequency
1.4 | 基站 | base station
1.4 | 天线 | antenna
1.4 | 毫米波 | millimeter wave, millimetre wave, mmwave
1.4 | 射频 | radio frequency, rf
1.4 | 光纤 | optical fiber, optical fibre, fiber optic
1.4 | 光缆 | optical cable, fiber optic cable
1.4 | 光通信, 光传输 | optical communication, optical transmission
1.4 | 光模块 | optical module, optical transceiver
1.4 | 卫星通信 | satellite communication
1.4 | 物联网 | internet of things, iot
1.4 | 低功耗广域网, nb-iot, lora | low power wide area network, lpwan
1.4 | 通信协议 | communication protocol
1.4 | 无线传感器网络 | wireless sensor network
1.4 | 信号处理 | signal processing
1.1 | 软件 | software
1.1 | 操作系统 | operating system
1.1 | 数据库 | database
1.1 | 中间件 | middleware
1.1 | 嵌入式软件, 嵌入式系统 | embedded software, embedded system
1.1 | 工业软件 | industrial software
1.1 | 人工智能 | artificial intelligence, ai
1.1 | 机器学习 | machine learning
1.1 | 深度学习, 神经网络 | deep learning, neural network
1.1 | 计算机视觉, 图像识别 | computer vision, image recognition
1.1 | 自然语言处理 | natural language processing, nlp
1.1 | 知识图谱 | knowledge graph
1.1 | 大数据 | big data
1.1 | 数据挖掘 | data mining
1.1 | 数字孪生 | digital twin
1.1 | 区块链 | blockchain
1.1 | 地理信息系统 | geographic information system, gis
1.1 | 仿真软件, 仿真 | simulation software, simulation
1.2 | 集成电路, 芯片 | integrated circuit, chip
1.2 | 半导体 | semiconductor
1.2 | 晶圆 | wafer
1.2 | 光刻 | lithography, photolithography
1.2 | 封装 | packaging, chip packaging
1.2 | 功率半导体, 功率器件 | power semiconductor, power device
1.2 | 碳化硅 | silicon carbide, sic
1.2 | 氮化镓 | gallium nitride, gan
1.2 | 微机电系统, mems | mems, microelectromechanical system
1.2 | 传感器芯片 | sensor chip
1.2 | 现场可编程门阵列, fpga | fpga, field programmable gate array
1.3 | 云计算 | cloud computing
1.3 | 边缘计算 | edge computing
1.3 | 数据中心 | data center, data centre
1.3 | 服务器 | server
1.3 | 高性能计算 | high performance computing, hpc
1.3 | 存储系统 | storage system
1.6 | 印制电路板, 电路板, pcb | printed circuit board, pcb, circuit board
1.6 | 覆铜板 | copper clad laminate, ccl
1.6 | 电子元器件 | electronic component
1.6 | 电容器, 电容 | capacitor
1.6 | 电感 | inductor
1.6 | 连接器 | connector
1.6 | 显示面板, 显示屏 | display panel, display
1.6 | 液晶显示, lcd | liquid crystal display, lcd
1.6 | 有机发光二极管, oled | oled, organic light emitting diode
1.6 | 发光二极管, led | light emitting diode, led
1.6 | 激光器 | laser
1.6 | 光电探测器 | photodetector
1.6 | 压电陶瓷 | piezoelectric ceramic
1.7 | 信息安全, 网络安全 | information security, cybersecurity, network security
1.7 | 密码算法, 加密 | cryptography, encryption
1.7 | 身份认证 | identity authentication
1.7 | 入侵检测 | intrusion detection
1.8 | 轨道交通 | rail transit, railway
1.8 | 智能交通 | intelligent transportation
1.8 | 车联网 | connected vehicle, internet of vehicles
1.8 | 自动驾驶 | autonomous driving, self driving
1.8 | 北斗, 卫星导航 | beidou, satellite navigation, gnss
2.1 | 基因治疗 | gene therapy
2.1 | 细胞治疗 | cell therapy
2.1 | 干细胞 | stem cell
2.1 | 抗体, 单克隆抗体 | antibody, monoclonal antibody
2.1 | 疫苗 | vaccine
2.1 | 重组蛋白 | recombinant protein
2.1 | 基因编辑, crispr | gene editing, crispr
2.1 | 基因测序, 测序 | gene sequencing, sequencing
2.1 | 诊断试剂 | diagnostic reagent
2.1 | 生物制品 | biological product, biologics
2.1 | 多肽, 肽 | peptide, polypeptide
2.1 | 多肽药物 | peptide drug
2.1 | 五肽 | pentapeptide
2.1 | 肽库, 多肽库, 全库 | peptide library, combinatorial library
2.1 | 蛋白质组学 | proteomics
2.1 | 生物信息学 | bioinformatics
2.1 | 细胞培养 | cell culture
2.1 | 发酵 | fermentation
2.1 | 生物反应器 | bioreactor
2.1 | 层析, 色谱 | chromatography
2.1 | 过滤膜, 超滤 | filtration membrane, ultrafiltration
2.1 | 过滤 | filtration, filter
2.1 | 耗材 | consumables, consumable
2.1 | 培养基 | culture medium, culture media
2.1 | 纯化 | purification
2.1 | 一次性生物工艺, 一次性反应袋 | single use bioprocess, single-use bioreactor bag
2.2 | 中药, 中医药 | traditional chinese medicine, tcm
2.2 | 天然药物 | natural medicine
2.2 | 中药材 | chinese herbal medicine, medicinal herb
2.2 | 当归 | angelica sinensis, angelica
2.2 | 黄芪 | astragalus
2.2 | 党参 | codonopsis
2.2 | 有效成分提取, 提取 | extraction, active ingredient extraction
2.3 | 化学药, 原料药 | chemical drug, active pharmaceutical ingredient, api
2.3 | 小分子药物 | small molecule drug
2.3 | 抗肿瘤药物, 抗癌药 | anticancer drug, antitumor drug
2.3 | 抗生素 | antibiotic
2.3 | 药物合成 | drug synthesis
2.3 | 仿制药 | generic drug
2.3 | 一致性评价 | consistency evaluation, bioequivalence
2.4 | 缓释制剂, 缓释 | sustained release
2.4 | 靶向给药, 靶向 | targeted delivery, targeted drug delivery
2.4 | 纳米药物 | nanomedicine
2.4 | 注射剂 | injection
2.4 | 脂质体 | liposome
2.5 | 医疗器械 | medical device
2.5 | 重离子, 碳离子 | heavy ion, carbon ion, carbon-ion
2.5 | 重离子治疗, 碳离子治疗, 重离子治癌 | heavy ion therapy, carbon ion therapy, particle therapy
2.5 | 质子治疗 | proton therapy
2.5 | 放射治疗, 放疗 | radiotherapy, radiation therapy
2.5 | 加速器, 同步加速器 | accelerator, synchrotron
2.5 | 治疗装置, 治疗系统 | treatment system, therapy system
2.5 | 肿瘤 | tumor, tumour, cancer, oncology
2.5 | 医学影像, 影像 | medical imaging
2.5 | 计算机断层扫描, ct | computed tomography, ct scanner
2.5 | 磁共振成像, 核磁共振 | magnetic resonance imaging, mri
2.5 | 超声 | ultrasound, ultrasonic
2.5 | 心脏瓣膜, 人工心脏瓣膜, 瓣膜 | heart valve, prosthetic heart valve, valve prosthesis
2.5 | 经导管主动脉瓣置换, 经导管主动脉瓣, tavr | transcatheter aortic valve replacement, transcatheter aortic valve, tavr, tavi
2.5 | 心血管 | cardiovascular
2.5 | 支架 | stent
2.5 | 介入 | interventional
2.5 | 手术机器人 | surgical robot
2.5 | 体外诊断 | in vitro diagnostics, ivd
2.5 | 监护仪 | patient monitor
2.5 | 同位素, 放射性同位素 | isotope, radioisotope
2.5 | 放射性药物 | radiopharmaceutical
2.5 | 康复 | rehabilitation
2.5 | 外科 | surgery, surgical
2.6 | 酶, 酶制剂 | enzyme
2.6 | 合成生物学 | synthetic biology
2.6 | 生物基材料 | bio-based material
2.7 | 育种 | breeding
2.7 | 兽用疫苗, 动物疫苗 | veterinary vaccine, animal vaccine
2.7 | 植物组织培养 | plant tissue culture
2.7 | 生物农药 | biopesticide
2.7 | 生物肥料 | biofertilizer
3.1 | 航空发动机 | aero engine, aircraft engine
3.1 | 无人机 | unmanned aerial vehicle, uav, drone
3.1 | 飞行控制 | flight control
3.1 | 机载设备 | airborne equipment, avionics
3.1 | 伺服控制, 伺服 | servo control, servo
3.1 | 电动伺服 | electric servo, electromechanical actuator
3.2 | 电推进, 电推力器 | electric propulsion, electric thruster
3.2 | 霍尔推力器 | hall thruster
3.2 | 离子推力器 | ion thruster
3.2 | 空间, 航天 | space, spacecraft, aerospace
3.2 | 卫星 | satellite
3.2 | 运载火箭, 火箭 | launch vehicle, rocket
3.2 | 真空 | vacuum
3.2 | 空间环境模拟, 真空舱 | space environment simulation, vacuum chamber
3.2 | 测试技术, 综合测试 | test technology, integrated testing, testing
3.2 | 推力测量 | thrust measurement
3.2 | 羽流 | plume
3.2 | 遥感 | remote sensing
3.2 | 姿态控制 | attitude control
3.2 | 热控 | thermal control
4.1 | 铜箔 | copper foil
4.1 | 电解铜箔 | electrodeposited copper foil, electrolytic copper foil
4.1 | 反转铜箔, rtf | reverse treated copper foil, reverse copper foil, rtf
4.1 | 超低轮廓, hvlp | very low profile, hvlp, low profile
4.1 | 锂电铜箔 | lithium battery copper foil
4.1 | 铝箔 | aluminum foil, aluminium foil
4.1 | 表面处理 | surface treatment
4.1 | 粗糙度 | roughness
4.1 | 剥离强度 | peel strength
4.1 | 镍基合金 | nickel-based alloy, nickel alloy
4.1 | 高温合金 | superalloy, high temperature alloy
4.1 | 钛合金 | titanium alloy
4.1 | 铝合金 | aluminum alloy, aluminium alloy
4.1 | 镁合金 | magnesium alloy
4.1 | 不锈钢 | stainless steel
4.1 | 稀土 | rare earth
4.1 | 永磁材料 | permanent magnet
4.1 | 粉末冶金 | powder metallurgy
4.1 | 增材制造, 3d打印 | additive manufacturing, 3d printing
4.1 | 铸造 | casting
4.1 | 锻造 | forging
4.1 | 焊接 | welding
4.1 | 热处理 | heat treatment
4.1 | 涂层 | coating
4.1 | 耐腐蚀 | corrosion resistance, corrosion resistant
4.2 | 石墨电极 | graphite electrode
4.2 | 石墨烯 | graphene
4.2 | 碳纤维 | carbon fiber, carbon fibre
4.2 | 陶瓷, 特种陶瓷 | ceramic, advanced ceramic
4.2 | 玻璃 | glass
4.2 | 光学玻璃 | optical glass
4.2 | 石英 | quartz
4.2 | 多晶硅 | polysilicon, polycrystalline silicon
4.2 | 三氯氢硅 | trichlorosilane
4.2 | 四氯化硅 | silicon tetrachloride
4.2 | 冷氢化 | cold hydrogenation
4.2 | 纳米材料 | nanomaterial
4.2 | 气凝胶 | aerogel
4.2 | 耐火材料 | refractory
4.3 | 聚烯烃 | polyolefin
4.3 | 超洁净 | ultra clean, ultra-clean, ultraclean
4.3 | 聚乙烯 | polyethylene
4.3 | 聚丙烯 | polypropylene
4.3 | 茂金属催化剂, 茂金属 | metallocene catalyst, metallocene
4.3 | 电缆料 | cable compound, cable insulation
4.3 | 丁腈橡胶 | nitrile rubber, nbr, acrylonitrile butadiene rubber
4.3 | 氢化丁腈橡胶 | hydrogenated nitrile rubber, hnbr
4.3 | 橡胶 | rubber, elastomer
4.3 | 合成橡胶 | synthetic rubber
4.3 | 密封件 | seal, sealing
4.3 | 耐油 | oil resistance, oil resistant
4.3 | 工程塑料 | engineering plastic
4.3 | 聚酰亚胺 | polyimide
4.3 | 聚四氟乙烯, 氟树脂 | ptfe, polytetrafluoroethylene, fluoropolymer
4.3 | 液晶聚合物, lcp | liquid crystal polymer, lcp
4.3 | 环氧树脂 | epoxy resin
4.3 | 复合材料 | composite material, composite
4.3 | 薄膜 | film, thin film
4.3 | 高分子 | polymer
4.3 | 聚合 | polymerization
4.3 | 催化剂 | catalyst
4.3 | 可降解塑料, 生物降解 | biodegradable plastic, biodegradable
4.4 | 生物医用材料 | biomedical material
4.4 | 组织工程 | tissue engineering
4.4 | 生物相容性 | biocompatibility
4.4 | 牛心包, 心包 | bovine pericardium, pericardium, pericardial
4.4 | 植入物 | implant
4.4 | 水凝胶 | hydrogel
4.5 | 液晶材料, 液晶单体 | liquid crystal material, liquid crystal monomer, liquid crystal
4.5 | 电子化学品 | electronic chemical
4.5 | 光刻胶 | photoresist
4.5 | 精细化工 | fine chemical
4.5 | 中间体 | intermediate
4.5 | 催化 | catalysis
4.5 | 表面活性剂 | surfactant
4.5 | 高纯试剂 | high purity reagent
4.5 | 电子特气 | electronic specialty gas
4.5 | 显示材料 | display material
4.5 | 颜料 | pigment
6.1 | 太阳能, 光伏 | solar energy, photovoltaic, pv, solar
6.1 | 太阳能电池, 光伏电池 | solar cell
6.1 | 钙钛矿 | perovskite
6.1 | 风电, 风力发电 | wind power
6.1 | 风电叶片 | wind turbine blade
6.1 | 生物质能, 生物质 | biomass energy, biomass
6.1 | 地热 | geothermal
6.1 | 光热, 太阳能热发电 | solar thermal, concentrated solar power
6.1 | 液态阳光 | liquid sunshine
6.1 | 太阳燃料 | solar fuel
6.1 | 甲醇 | methanol
6.1 | 二氧化碳加氢 | co2 hydrogenation, carbon dioxide hydrogenation
6.1 | 电解水制氢, 电解水 | water electrolysis
6.1 | 绿氢 | green hydrogen
6.2 | 核能, 核电 | nuclear energy, nuclear power
6.2 | 钍 | thorium
6.2 | 熔盐 | molten salt
6.2 | 熔盐堆, 钍基熔盐堆 | molten salt reactor, msr, thorium molten salt reactor, tmsr
6.2 | 反应堆 | reactor, nuclear reactor
6.2 | 主泵, 熔盐泵 | main pump, molten salt pump, primary pump
6.2 | 泵 | pump
6.2 | 小型模块化反应堆 | small modular reactor, smr
6.2 | 核燃料 | nuclear fuel
6.2 | 乏燃料 | spent fuel
6.2 | 氢能 | hydrogen energy
6.2 | 氢 | hydrogen
6.2 | 燃料电池 | fuel cell
6.2 | 质子交换膜 | proton exchange membrane, pem
6.2 | 储氢 | hydrogen storage
6.2 | 加氢站 | hydrogen refueling station
6.3 | 锂离子电池, 锂电池 | lithium ion battery, lithium battery, li-ion battery
6.3 | 电池 | battery
6.3 | 正极材料 | cathode material, cathode
6.3 | 负极材料 | anode material, anode
6.3 | 磷酸铁锂 | lithium iron phosphate, lfp
6.3 | 三元材料 | ternary cathode, nmc, ncm
6.3 | 电解液 | electrolyte
6.3 | 隔膜 | separator
6.3 | 固态电池 | solid state battery
6.3 | 钠离子电池 | sodium ion battery
6.3 | 液流电池 | flow battery
6.3 | 储能 | energy storage
6.3 | 超级电容器 | supercapacitor
6.3 | 电池管理系统 | battery management system, bms
6.3 | 动力电池 | power battery, traction battery
6.3 | 电池回收 | battery recycling
6.3 | 能量密度 | energy density
6.3 | 热电 | thermoelectric
6.4 | 节能 | energy saving, energy efficiency
6.4 | 余热回收 | waste heat recovery
6.4 | 热泵 | heat pump
6.4 | 变频 | variable frequency, frequency conversion
6.4 | 高效电机 | high efficiency motor
6.4 | 绿色建筑 | green building
6.4 | 智能电网 | smart grid
6.4 | 换热器 | heat exchanger
7.1 | 污水处理, 废水处理 | wastewater treatment, sewage treatment
7.1 | 废水, 污水 | wastewater, sewage, effluent
7.1 | 高盐废水 | high salinity wastewater, high-salinity wastewater
7.1 | 膜分离 | membrane separation
7.1 | 反渗透 | reverse osmosis
7.1 | 海水淡化 | seawater desalination, desalination
7.1 | 节水 | water saving
7.1 | 污泥 | sludge
7.2 | 脱硫 | desulfurization
7.2 | 脱硝 | denitrification
7.2 | 除尘 | dust removal
7.2 | 挥发性有机物, vocs | volatile organic compounds, vocs
7.2 | 碳捕集, ccus | carbon capture, ccus
7.2 | 二氧化碳 | carbon dioxide, co2
7.2 | 碳中和, 双碳 | carbon neutrality, carbon neutral
7.3 | 固体废物, 固废 | solid waste
7.3 | 危险废物 | hazardous waste
7.3 | 资源化利用, 综合利用 | resource utilization, recycling
7.3 | 尾矿 | tailings
7.3 | 粉煤灰 | fly ash
7.4 | 噪声控制 | noise control
7.4 | 电磁屏蔽 | electromagnetic shielding, emi shielding
7.4 | 辐射防护 | radiation protection
7.5 | 环境监测 | environmental monitoring
7.5 | 在线监测 | online monitoring
7.5 | 水质监测 | water quality monitoring
7.6 | 生态修复 | ecological restoration
7.6 | 土壤修复 | soil remediation
7.6 | 荒漠化, 沙漠化 | desertification
7.6 | 水土保持 | soil and water conservation
7.7 | 清洁生产 | cleaner production
7.7 | 绿色化工 | green chemical engineering, green chemistry
7.7 | 循环经济 | circular economy
7.8 | 矿产, 采矿 | mining, mineral
7.8 | 油气, 石油 | oil and gas, petroleum
7.8 | 页岩气 | shale gas
7.8 | 钻机, 钻井 | drilling rig, drilling
7.8 | 超深钻机, 超深井 | ultra-deep drilling rig, ultra deep well
7.8 | 选矿 | mineral processing
7.8 | 煤化工 | coal chemical
8.1 | 过程控制, 控制系统 | process control, control system
8.1 | 可编程逻辑控制器, plc | programmable logic controller, plc
8.1 | 集散控制系统, dcs | distributed control system, dcs
8.1 | 工业互联网 | industrial internet
8.1 | 工业机器人, 机器人 | industrial robot, robot
8.1 | 机器视觉 | machine vision
8.1 | 智能制造 | intelligent manufacturing, smart manufacturing
8.1 | 故障诊断 | fault diagnosis
8.1 | 预测性维护 | predictive maintenance
8.2 | 安全生产 | production safety
8.2 | 防爆 | explosion proof
8.2 | 泄漏检测 | leak detection
8.3 | 仪器仪表, 仪表 | instrument, instrumentation
8.3 | 传感器 | sensor
8.3 | 光谱仪, 光谱 | spectrometer, spectroscopy
8.3 | 质谱 | mass spectrometry
8.3 | 检测 | detection, inspection
8.3 | 测量 | measurement
8.3 | 无损检测 | non-destructive testing, ndt
8.3 | 温度, 测温 | temperature
8.3 | 低温, 极寒, 严寒 | low temperature, extreme cold, cryogenic
8.3 | 高温 | high temperature
8.4 | 反应器 | reactor vessel, chemical reactor
8.4 | 氢化反应器, 加氢反应器 | hydrogenation reactor
8.4 | 压力容器 | pressure vessel
8.4 | 数控机床 | cnc machine tool, cnc
8.4 | 精密加工 | precision machining
8.4 | 激光加工 | laser processing
8.4 | 超精密 | ultra precision
8.4 | 模具 | mould, mold
8.4 | 装备制造, 高端装备 | equipment manufacturing, high-end equipment
8.4 | 自动化生产线, 生产线 | automated production line, production line
8.4 | 化工装备 | chemical equipment
8.5 | 轴承 | bearing
8.5 | 齿轮 | gear
8.5 | 液压 | hydraulic
8.5 | 阀门 | valve
8.5 | 密封 | sealing technology
8.5 | 工程机械 | construction machinery
8.5 | 农业机械 | agricultural machinery
8.6 | 特高压 | ultra high voltage, uhv
8.6 | 输电 | power transmission
8.6 | 变压器 | transformer
8.6 | 电力电子 | power electronics
8.6 | 逆变器 | inverter
8.6 | 开关设备 | switchgear
8.6 | 配电 | power distribution
8.6 | 电缆 | cable, power cable
8.7 | 新能源汽车, 电动汽车 | new energy vehicle, electric vehicle, ev
8.7 | 充电桩, 充电 | charging pile, charging station, ev charging
8.7 | 轻量化 | lightweight, lightweighting
8.7 | 轨道车辆 | rail vehicle
8.7 | 制动 | braking
8.8 | 船舶 | ship, vessel
8.8 | 海洋工程 | offshore engineering, marine engineering
8.8 | 水下机器人 | underwater robot, rov, auv
5.1 | 研发服务 | r&d service, research and development service
5.1 | 工业设计 | industrial design
5.1 | 中试, 中试基地 | pilot scale, pilot plant, pilot test
5.1 | 产业化 | industrialization, commercialization
5.2 | 检验检测, 检测服务 | testing service, inspection and testing
5.2 | 认证 | certification
5.2 | 标准化 | standardization
5.2 | 计量 | metrology, calibration
5.3 | 信息技术服务 | it service
5.3 | 系统集成 | system integration
5.3 | 软件开发 | software development
5.4 | 技术咨询 | technical consulting
5.5 | 知识产权, 专利 | intellectual property, patent
5.5 | 技术转移, 成果转化 | technology transfer, commercialization of research
5.5 | 孵化器 | incubator
5.6 | 电子商务 | e-commerce
5.6 | 物流, 冷链物流 | logistics, cold chain
5.7 | 智慧城市 | smart city
5.7 | 智慧医疗, 远程医疗 | smart healthcare, telemedicine
5.8 | 数字内容, 动漫 | digital content, animation
5.8 | 虚拟现实, vr | virtual reality, vr
5.8 | 增强现实, ar | augmented reality
`;
