/// The curated regional-phrase table, applied to text AFTER OpenCC has made it simplified.
///
/// Format: `[tier]` starts a tier; `#` starts a comment; every other line holds entries
/// separated by spaces: `from>to` rewrites, a bare word protects itself (it is matched
/// and copied unchanged, so a shorter rewrite inside it cannot fire). Matching is
/// leftmost-longest, so protections are written with the context that makes them safe.
///
/// Tiers:
/// - `common`: regional words that mainland writing never uses; applied to every
///   document that needed conversion (and to Taiwan-idiom documents).
/// - `taiwan`: Taiwan idiom reversed to mainland idiom. Built from OpenCC 1.4.2's
///   TWPhrasesRev, EXCLUDING every entry whose Taiwan-side word is also ordinary
///   mainland usage (建立, 执行, 文件, 互动, 核心, 查询, 线上, 整合, 智慧, 开启, 设备,
///   效能, 指标, 程序, 序列, 即时, 阵列 …), plus government-text terms OpenCC lacks.
///   Ambiguous words are rewritten only with mainland collocations protected.
///   Applied only when the document's idiom is detected as Taiwan.
/// - `hongkong-evidence`: words counted to detect Hong Kong idiom (HK text keeps
///   mainland-compatible vocabulary after hk2s, so nothing is rewritten for it).
/// - `tw2s`: repairs after OpenCC's tw2s, whose TWVariantsRev turns 著 into 着 too
///   eagerly (原著, 编著, 土著 …).
/// Keep entries in simplified script: the step runs on OpenCC's output.
enum RegionalPhraseData {
    static let source = #"""
[common]
# Hong Kong and Taiwan character forms that t2s leaves (hk2s/tw2s would map them):
# with these, t2s gives hk2s's result on Hong Kong text.
衞>卫 枱>台 衹>只 敍>叙 粧>妆 糭>粽 痺>痹 簷>檐 睪>睾
# Links: Taiwan/HK 連結/鏈結 for hyperlinks; mainland 链接. 链结 is not mainland usage.
超链结>超链接 超连结>超链接 链结>链接 网页连结>网页链接 网站连结>网站链接
# Web and software terms that only exist in Taiwan/HK writing.
入口网站>门户网站 最佳化>优化 资料库>数据库 网际网路>互联网 全球资讯网>万维网
伺服器>服务器 部落格>博客 萤幕>屏幕 滑鼠>鼠标 印表机>打印机 记忆体>内存
硬体>硬件 软体>软件 软体动物 韧体>固件 作业系统>操作系统 随身碟>U盘 硬碟>硬盘 光碟>光盘
数位化>数字化 数位转型>数字化转型 数位经济>数字经济 数位政府>数字政府 数位电视>数字电视
资讯科技>信息技术 资讯安全>信息安全 资讯保安>信息安全 资讯化>信息化 资讯系统>信息系统
资讯公开>信息公开 云端运算>云计算 云端计算>云计算 云端储存>云存储
人工智慧>人工智能 智慧型手机>智能手机 智慧财产权>知识产权 智慧财产>知识产权
非同步>异步 宽频>宽带 频宽>带宽 视讯会议>视频会议 简讯>短信 乙太网路>以太网 乙太网>以太网
# Mainland government and education terms with a Taiwan/HK-only counterpart.
新增剂>添加剂 幼稚园>幼儿园 空气品质>空气质量 品质管理>质量管理 奈米>纳米 雷射>激光 积体电路>集成电路
晶片>芯片 电晶体>晶体管 爱滋病>艾滋病 计程车>出租车 太空梭>航天飞机
义大利>意大利 纽西兰>新西兰 寮国>老挝 汶莱>文莱 肯亚>肯尼亚 奈及利亚>尼日利亚 沙乌地阿拉伯>沙特阿拉伯

[taiwan]
# Information: Taiwan 資訊 = mainland 信息 in government text (信息公开, 信息安全).
# 讯息 (s2twp's 消息, and Taiwan writing's 信息) is left to IdiomChooser's context statistics.
资讯>信息 杳无音讯 音讯全无 音讯>音频
# Publishing: Taiwan 釋出 = 发布; keep the idiom 释出善意.
释出>发布 释出善意
# Files: Taiwan 檔案 = mainland 文件 (电子档案, 规范性档案), and s2twp makes 檔案 of both 文件
# and 档案: bare 档案 is left to IdiomChooser's context statistics. Mainland 档案 = archives,
# and those collocations are protected.
档案馆 档案局 档案法 档案室 档案管理 档案工作 档案事业 档案资料 档案袋 人事档案
健康档案 信用档案 诚信档案 学籍档案 个人档案 建立档案 电子档案 立卷归档 档案盒 档案材料 档案整理
档名>文件名 资料夹>文件夹
# Data: Taiwan 資料 = data in these collocations; bare 资料 (materials) stays.
大资料>大数据 资料共享>数据共享 资料开放>数据开放 开放资料>开放数据 资料安全>数据安全
资料治理>数据治理 资料分析>数据分析 资料中心>数据中心 资料交换>数据交换 资料资源>数据资源
资料管理>数据管理 资料平台>数据平台 资料集>数据集 资料格式>数据格式 资料标准>数据标准
资料探勘>数据挖掘 资料仓储>数据仓库 资料来源>数据来源 后设资料>元数据 资料对接>数据对接
资料画像>数据画像 资料录入>数据录入 资料介面>数据接口 资料信息>数据信息
# Programs and procedures: Taiwan 程式 = mainland 程序 (办事程式, 应用程式); 程式化 (formulaic) and
# 方程式 are mainland words too.
程式>程序 程式化 方程式 程式码>代码 程式设计>编程 程式语言>编程语言 程式设计师>程序员
应用程式>应用程序 套用>应用 套用模板
# Projects: Taiwan 專案 = 项目; mainland 专案 (special case) in policing and inspection.
专案>项目 专案组 专案调查 专案侦查 专案侦办 专案审查 专案打击 专案经营
# Networks.
网路>网络 电网路 管网路 联网路 都会网路>城域网 区域网路>局域网 行动网路>移动网络 网咖>网吧
行动装置>移动设备 行动支付>移动支付 行动通讯>移动通信 行动电话>移动电话 行动应用>移动应用
# Support: Taiwan 支援 = 支持 (技术支援, 支援IPv6); mainland 支援 = aid, protected.
支援>支持 支援合作 对口支援 支援边疆 支援灾区 支援前线 支援西部 援建
# Users: Taiwan 使用者 = 用户; the legal 土地使用者 stays.
使用者>用户 土地使用者 使用者付费
# Settings: Taiwan 設定 = 设置 (栏目设定, 设定终端), and s2twp makes 設定 of both 设置 and
# 设定: bare 设定 is left to IdiomChooser's context statistics; 设定目标 is mainland.
设定目标 设定为 建设定 假设定 预设值>默认值
# Through: Taiwan 透過 = 通过; 透过现象看本质 is mainland.
透过>通过 透过现象
# Windows, printing, clicking, logging in.
视窗>窗口 列印>打印 影印>复印 登入>登录
# Contract, schools: Taiwan 契約 = 合同, 國中 = 初中 (guarded against 全国中, 我国中 …).
契约>合同 契约精神 国中>初中 国中小>中小学 全国中 我国中 各国中 中国中 该国中 两国中 本国中
外国中 美国中 他国中 大国中 邻国中 王国中 帝国中 国中之国
# Search, visualize, schedule, audit, declare.
搜寻>搜索 搜寻救助 海上搜寻 视觉化>可视化 排程>调度 安排程 编排程 稽核>审核 税务稽核 社保稽核 稽核检查
# 宣告 is also mainland legal wording (宣告专利权无效, 宣告失效): only Taiwan's 宣告： (a notice's
# heading) is rewritten, so a mainland regulation is neither reworded nor counted as Taiwan idiom.
宣告：>声明：
# Community: Taiwan 社區 is already 社区; 社群 here is OpenCC's rendering of 社区. Social media stays social.
社群>社区 社群媒体>社交媒体 社群网站>社交网站 社群平台>社交平台 社群网路>社交网络
# Targets of a service: OpenCC renders 对象 (target person) as 物件; Taiwan 物件 (item) stays.
服务物件>服务对象 救助物件>救助对象 补助物件>补助对象 分配物件>分配对象 保障物件>保障对象
帮扶物件>帮扶对象 管理物件>管理对象 调查物件>调查对象 监管物件>监管对象 适用物件>适用对象
培训物件>培训对象 教育物件>教育对象 物件认定>对象认定 物件范围>对象范围 招生物件>招生对象
# Media and communication.
影片>视频 投影片>幻灯片 国产影片 优秀影片 影片发行 通讯管理局>通信管理局 脚踏车>自行车
# Taiwan-only technical and medical terms from OpenCC TWPhrasesRev (not mainland words).
价效比>性价比 识别符号>标识符 暂存器>寄存器
溢位>溢出 飞航模式>飞行模式 骇客>黑客 笔记型电脑>笔记本电脑
巨集>宏 巢状>嵌套 市场行销>市场营销
前处理器>预处理器 副档名>扩展名 侦错>调试 平行计算>并行计算
表示式>表达式 胺基酸>氨基酸 软碟机>软驱 回圈>循环
感测器>传感器 时脉>时钟 撷取>截取 携带型>便携式 桌上型电脑>台式机 桌上型>台式
演算法>算法 杂凑>哈希 远端>远程 显示卡>显卡 逻辑闸>逻辑门 终端使用者>最终用户
直译器>解释器 目的码>目标代码 磁碟>磁盘 烧录>刻录
缩图>缩略图 伫列>队列 中介软体>中间件 二极体>二极管 三极体>三极管
工作管理员>任务管理器 光碟机>光驱
汇流排>总线 快闪记忆体>闪存 函式>函数 原始码>源代码
执行绪>线程 剪贴簿>剪贴板 物件导向>面向对象 解析度>分辨率
闸道器>网关 位元组>字节 主机板>主板 介面卡>适配器 对话方块>对话框
正规表示式>正则表达式 核取方块>复选框 重新命名>重命名 阿斯匹灵>阿司匹林 高画质>高清
使用者名称>用户名 解除安装>卸载 防写>写保护 金钥>密钥 音效卡>声卡 页尾>页脚 页首>页眉
空气清净机>空气净化器 组合语言>汇编语言 登录档>注册表 相容性>兼容性 简报档>演示文稿
资讯理论>信息论 全球资讯>全球信息
# Government-report words where Taiwan and mainland differ. Mainland says 集成式 for
# "integrated" (集成式发布), 高级中等学校 in law, 非法添加 for food additives.
整合式>集成式 高阶中等>高级中等 非法新增>非法添加
品质保证>质量保证 服务品质>服务质量 教育品质>教育质量 身分证>身份证

[tw2s]
# tw2s turns every 著 into 着 unless a phrase protects it; these are mainland 著 (zhù).
原着>原著 编着>编著 论着>论著 专着>专著 遗着>遗著 译着>译著 撰着>撰著 土着>土著 卓着>卓著
新着>新著 名着>名著 合着>合著 巨着>巨著 拙着>拙著

[hongkong-evidence]
# Counted to detect Hong Kong idiom, never rewritten: institutions and words of HK government text.
特区政府 特别行政区政府 立法会 行政长官 区议会 律政司 廉政公署 康乐及文化事务署 食物环境卫生署
运输署 入境事务处 房屋署 公屋 屋邨 港铁 资讯科技 政府资讯科技总监办公室 咨询文件 民政事务
"""#
}
