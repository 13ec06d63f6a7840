// Demo Q&A: questions from customers about using Hibiki, in Japanese and English, with answers
// from members and staff, accepted answers, one official answer, votes, and a few questions left
// unanswered for the staff queue. Everything goes through the Q&A core, so scores, reputation,
// notifications and engagement events are what the app itself would have written. Looked up by
// title, so re-running adds nothing.
import { db } from "~/db.server";
import { castVote, postAnswer, toggleAccept, toggleOfficial, type Person } from "~/qa/answers.server";
import { askQuestion } from "~/qa/questions.server";

const BASE_URL = "http://localhost:3000";
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

type DemoAnswer = { author: string; body: string; upvoters?: string[]; downvoters?: string[]; accepted?: boolean; official?: boolean };
type DemoQuestion = {
  title: string;
  body: string;
  tags: string[];
  beginner?: boolean;
  asker: string;
  daysAgo: number;
  upvoters?: string[];
  answers: DemoAnswer[];
};

// Demo people (scripts/lib/demo-data.ts), by the part of their address that matters here.
const P = {
  haruka: "haruka.tanaka@sakura-commerce.example",
  kenji: "kenji.suzuki@sakura-commerce.example",
  aya: "aya.ito@sakura-commerce.example",
  hiroshi: "hiroshi.watanabe@sakura-commerce.example",
  takuya: "takuya.yamamoto@hokuto-logi.example",
  mai: "mai.nakamura@hokuto-logi.example",
  shota: "shota.kobayashi@hokuto-logi.example",
  nana: "nana.kato@hikari-soft.example",
  ryo: "ryo.yoshida@hikari-soft.example",
  saki: "saki.yamada@shinonome-foods.example",
  daiki: "daiki.sasaki@aoba-edu.example",
  emi: "emi.matsumoto@aoba-edu.example",
  emma: "emma.clarke@northwind-analytics.example",
  liam: "liam.oconnor@northwind-analytics.example",
  sora: "sora.inoue@northwind-analytics.example",
  olivia: "olivia.brown@bluefin-travel.example",
  kaito: "kaito.kimura@bluefin-travel.example",
  yui: "yui.hayashi@tsubame-design.example",
  noah: "noah.wilson@kestrel-mfg.example",
  rin: "rin.shimizu@kestrel-mfg.example",
  kana: "kana.ishikawa@yamabiko-re.example",
  grace: "grace.lee@lumen-health.example",
  shun: "shun.fujita@iroha-pub.example",
  mio: "mio.okada@iroha-pub.example",
  misaki: "misaki.sato@kizuna.example",
  daniel: "daniel.park@kizuna.example",
  yuki: "yuki.mori@kizuna.example",
} as const;

export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    title: "リードスコアの減衰はどう設定していますか？",
    body:
      "営業から「古いリードばかりアラートが来る」と言われています。最後の行動から時間が経ったリードのスコアを下げたいのですが、皆さんは**何日ごとに、どれくらい**減らしていますか？\n\n- 商材：物流システム（検討期間は3〜6か月）\n- 今のスコア：資料DLで+20、料金ページ閲覧で+10 など",
    tags: ["lead-scoring", "sales-alignment"],
    asker: P.takuya,
    daysAgo: 24,
    upvoters: [P.shota, P.ryo, P.haruka, P.sora],
    answers: [
      {
        author: P.haruka,
        body:
          "うちは**30日ごとに20%減**にしています。最初は「30日で0点」にしていましたが、検討期間が長い案件が落ちてしまったので緩めました。\n\n目安として、受注したリードの「最後の行動から商談化までの日数」の中央値を見て、その倍くらいで半分になるように決めると営業の納得感がありました。",
        upvoters: [P.takuya, P.ryo, P.shota, P.shun, P.sora],
        accepted: true,
      },
      {
        author: P.ryo,
        body: "減衰と合わせて、**行動の種類ごとに有効期限**を分けるのもおすすめです。料金ページ閲覧は14日、セミナー参加は90日のように、熱量が続く期間が違うので。",
        upvoters: [P.takuya, P.haruka],
      },
      {
        author: P.misaki,
        body:
          "Hibikiでは「スコア設定 → 減衰ルール」で、期間（日数）と減らす割合を設定できます。\n\n1. 減衰は毎日深夜（日本時間）に計算されます\n2. 「最後の行動」にはメール開封を含めない設定にできます（開封は自動化ツールでも起きるため、含めないことをおすすめします）\n3. 変更前に「シミュレーション」で、営業に渡るリード数がどう変わるか確認できます\n\n詳しくは学習コンテンツの「スコアリングモデルの設計」もご覧ください。",
        upvoters: [P.takuya, P.shota, P.mai],
        official: true,
      },
    ],
  },
  {
    title: "メールの開封率が下がったときに見直すことは？",
    body: "ここ2か月でメルマガの開封率が25%から15%くらいに下がりました。何から確認すればいいでしょうか。初心者なので、基本的なことでも教えてもらえると助かります。",
    tags: ["email"],
    beginner: true,
    asker: P.nana,
    daysAgo: 20,
    upvoters: [P.aya, P.saki, P.kaito],
    answers: [
      {
        author: P.shun,
        body:
          "私が確認する順番です。\n\n1. **配信リスト**：長く反応のない宛先が増えていないか（半年開封なしは別リストに）\n2. **到達率**：バウンス率と迷惑メール報告。送信ドメインの認証（SPF / DKIM / DMARC）が設定されているか\n3. **件名と配信時間**：同じ件名のパターンが続いていないか\n4. **計測の変化**：端末側のプライバシー機能で開封の数え方が変わることもあるので、クリック率も一緒に見る\n\n開封率だけが下がってクリック数が変わらないなら、計測の影響かもしれません。",
        upvoters: [P.nana, P.haruka, P.daiki, P.mio, P.kana],
        accepted: true,
      },
      {
        author: P.yuki,
        body: "Hibikiの「配信レポート → 到達状況」で、ドメイン別（gmail.com など）の開封率を確認できます。特定のドメインだけ下がっている場合は、到達率の問題の可能性が高いです。お気軽にサポートにもご相談ください。",
        upvoters: [P.nana, P.saki],
      },
    ],
  },
  {
    title: "スコアが何点になったら営業に渡すべきですか？",
    body: "スコアリングを始めたばかりです。営業に渡す点数（しきい値）は、どうやって決めればいいのでしょうか？とりあえず50点にしています。",
    tags: ["lead-scoring", "sales-alignment"],
    beginner: true,
    asker: P.aya,
    daysAgo: 18,
    upvoters: [P.nana, P.kaito],
    answers: [
      {
        author: P.haruka,
        body: "最初は「営業が1週間で追いかけられる件数」から逆算するのが現実的です。たとえば営業が週20件フォローできるなら、直近の実績で上位20件くらいになる点数をしきい値にします。\n\n1か月後に、渡したリードの商談化率を見て上げ下げしましょう。",
        upvoters: [P.aya, P.kenji, P.takuya, P.mai],
        accepted: true,
      },
      { author: P.kenji, body: "同じ社内ですが補足です。営業と一緒に「このリードなら電話したい」という実例を10件選んで、その点数を見るのも納得感が出ますよ。", upvoters: [P.aya] },
    ],
  },
  {
    title: "営業アラートのメール文面に何を入れていますか？",
    body: "スコアが上がったリードを営業にメールで知らせていますが、ほとんど読まれていないようです。アラートに何を入れると動いてもらえるでしょうか。",
    tags: ["sales-alignment", "alerts"],
    asker: P.shota,
    daysAgo: 16,
    upvoters: [P.takuya, P.liam],
    answers: [
      {
        author: P.haruka,
        body: "件名に**会社名と「なぜ今か」**を入れるようにしたら開かれるようになりました。例：「【要フォロー】北斗物流様：料金ページを3回閲覧」\n\n本文は、直近の行動3つと、営業が次にやること（電話／メール）だけにしています。",
        upvoters: [P.shota, P.ryo],
      },
      {
        author: P.takuya,
        body: "うちはアラートの最後に「対応した／対象外」のボタンを付けて、営業の反応をHibikiに戻しています。対象外が多い条件はスコアから外せるので、だんだん精度が上がりました。",
        upvoters: [P.shota, P.haruka, P.noah],
        accepted: true,
      },
    ],
  },
  {
    title: "展示会の名刺データをCSVで取り込むと文字化けします",
    body: "名刺管理ツールから書き出したCSVをHibikiに取り込むと、会社名や氏名が文字化けしてしまいます。Excelで開くと正常に見えるのですが…",
    tags: ["data-import"],
    asker: P.rin,
    daysAgo: 14,
    upvoters: [P.noah, P.mai],
    answers: [
      {
        author: P.yuki,
        body: "文字コードが原因のことが多いです。Hibikiの取り込みは **UTF-8** を前提にしています。\n\n1. Excelで「名前を付けて保存 → CSV UTF-8（コンマ区切り）」を選んで保存し直す\n2. 取り込み画面の「詳細設定」で文字コードを「Shift_JIS」に切り替える\n\nのどちらかで解決するはずです。解決しない場合は、ファイルの先頭数行（個人情報を消したもの）をサポートにお送りください。",
        upvoters: [P.rin, P.noah, P.mai, P.kana],
        accepted: true,
      },
    ],
  },
  {
    title: "重複したリードをまとめる良い方法はありますか？",
    body: "フォームと展示会とCSV取り込みで、同じ人が3件に分かれていることがあります。まとめ方のコツを教えてください。",
    tags: ["data-quality", "data-import"],
    beginner: true,
    asker: P.mai,
    daysAgo: 13,
    upvoters: [P.rin, P.saki],
    answers: [
      { author: P.ryo, body: "まずメールアドレスで機械的にまとめ、アドレスが違うもの（個人アドレスと会社アドレスなど）は「会社名＋氏名」で候補を出して人が確認、の二段階にしています。", upvoters: [P.mai, P.takuya] },
      {
        author: P.misaki,
        body: "Hibikiの「データ管理 → 重複チェック」で、メールアドレスが同じリードを一括でまとめられます。まとめるときに残す項目（新しい方／空でない方）も選べます。毎月1回の定期実行もおすすめです。",
        upvoters: [P.mai],
      },
    ],
  },
  {
    title: "フォームの項目数はいくつが適切ですか？",
    body: "資料ダウンロードのフォームに10項目あります。営業からは項目を増やしたいと言われ、マーケ側は減らしたいと思っています。皆さんはいくつにしていますか？",
    tags: ["forms"],
    beginner: true,
    asker: P.kana,
    daysAgo: 12,
    upvoters: [P.yui, P.daiki],
    answers: [
      {
        author: P.daiki,
        body: "資料DLは**5項目**（会社名・氏名・メール・電話・役職）にしています。部署や検討時期は、2回目以降のフォームで少しずつ聞く「段階的な項目」にしました。項目を減らして送信率が1.4倍になりました。",
        upvoters: [P.kana, P.yui, P.haruka],
        accepted: true,
      },
      { author: P.shun, body: "営業が本当に使う項目か、一度一緒に確認すると減らせることが多いです。「その項目で何を判断しますか？」と聞くと話が進みます。", upvoters: [P.kana] },
    ],
  },
  {
    title: "フォーム送信後のサンクスメールが届かないと言われました",
    body: "お客様から「申し込んだのに確認メールが来ない」と問い合わせがありました。Hibikiの設定を見ても送信済みになっています。",
    tags: ["forms", "email"],
    beginner: true,
    asker: P.saki,
    daysAgo: 10,
    upvoters: [P.nana],
    answers: [
      {
        author: P.yuki,
        body: "送信済みで届かない場合、次の順で確認してみてください。\n\n1. 受信側の迷惑メールフォルダ\n2. 送信ドメインの認証設定（「設定 → 送信ドメイン」で緑のチェックになっているか）\n3. その宛先が過去のバウンスで「配信停止リスト」に入っていないか\n\n3つ目は見落としがちです。該当のリードの「配信履歴」に理由が表示されます。",
        upvoters: [P.saki, P.nana, P.kana],
        accepted: true,
      },
    ],
  },
  {
    title: "ナーチャリングメールは何通くらいのシリーズにしていますか？",
    body: "資料DL後のナーチャリングを作っています。何通・どのくらいの間隔で送るのが一般的でしょうか。",
    tags: ["nurturing", "email"],
    asker: P.daiki,
    daysAgo: 9,
    upvoters: [P.mio],
    answers: [
      { author: P.haruka, body: "5通・2週間おきです。1通目は資料の要点、2〜4通目は事例、5通目で個別相談の案内にしています。途中でスコアが上がったら、シリーズを止めて営業に渡します。", upvoters: [P.daiki, P.olivia] },
      { author: P.mio, body: "うちは3通だけにして、反応があった人にだけ次のシリーズを送る形にしています。配信停止が減りました。", upvoters: [P.daiki] },
    ],
  },
  {
    title: "休眠リードの掘り起こしメール、効果はありましたか？",
    body: "1年以上反応のないリードが全体の6割います。掘り起こしメールを送るか迷っています。",
    tags: ["nurturing", "email"],
    asker: P.kenji,
    daysAgo: 8,
    answers: [
      { author: P.shun, body: "件名を「まだ○○にご興味はありますか？」にした1通だけのメールで、反応率は2%ほどでしたが、商談が3件出ました。反応のなかった人は配信対象から外して、到達率の改善にもつながりました。", upvoters: [P.kenji] },
    ],
  },
  {
    title: "経営会議で見せるMAのレポート、どの指標を載せていますか？",
    body: "社長から「MAに投資した効果を数字で見せてほしい」と言われました。開封率やクリック率では伝わらない気がしています。",
    tags: ["reporting"],
    asker: P.hiroshi,
    daysAgo: 7,
    upvoters: [P.emi, P.kenji, P.liam],
    answers: [
      {
        author: P.ryo,
        body: "経営会議では3つだけにしています。\n\n- マーケ経由の**商談数**と**受注金額**\n- 商談化までの日数（短くなっているか）\n- 営業1人あたりのフォロー件数\n\n開封率などは現場の改善用として、別のレポートに分けました。",
        upvoters: [P.hiroshi, P.emi, P.kenji, P.haruka],
        accepted: true,
      },
      { author: P.kenji, body: "同じ会社の鈴木です。渡辺さん、次回の会議用に一緒に作りましょう。まずは商談数の推移から出してみます。", upvoters: [P.hiroshi] },
    ],
  },
  {
    title: "Hibikiのダッシュボードで商談化率を出すには？",
    body: "リードから商談になった割合をダッシュボードに表示したいのですが、どこで設定すればいいかわかりません。",
    tags: ["reporting"],
    beginner: true,
    asker: P.emi,
    daysAgo: 6,
    answers: [
      {
        author: P.misaki,
        body: "「ダッシュボード → ウィジェットを追加 → ファネル」を選ぶと、リード → MQL → 商談 の割合を表示できます。商談の判定にはCRM連携の「商談作成日」を使いますので、CRM連携が有効になっているかも確認してください。",
        upvoters: [P.emi, P.daiki],
        accepted: true,
      },
    ],
  },
  {
    title: "はじめてのシナリオ、何から作ればいいですか？",
    body: "先月Hibikiを導入しました。一人で担当しています。最初に作るシナリオのおすすめはありますか？",
    tags: ["onboarding", "nurturing"],
    beginner: true,
    asker: P.yui,
    daysAgo: 5,
    upvoters: [P.kaito, P.aya, P.grace],
    answers: [
      {
        author: P.haruka,
        body: "**フォーム送信 → サンクスメール → 3日後にフォローメール**の一本道がおすすめです。分岐なしで作れて、効果（フォローメールのクリック）もすぐ見えます。慣れてきたら、クリックした人だけ営業に知らせる分岐を足しましょう。",
        upvoters: [P.yui, P.aya, P.kaito],
        accepted: true,
      },
      { author: P.misaki, body: "「はじめてのHibiki分科会」でも、最初のシナリオを一緒に作る回があります。よろしければご参加ください。", upvoters: [P.yui] },
    ],
  },
  {
    title: "ウェビナーの参加者と不参加者でフォローメールを分けるには？",
    body: "ウェビナー後のフォローを、参加した人・申し込んだけど来なかった人で分けたいです。どう設定していますか？",
    tags: ["webinar", "nurturing"],
    asker: P.kana,
    daysAgo: 4,
    answers: [
      { author: P.daiki, body: "ウェビナーツールの参加ログを取り込んで「参加」タグを付け、シナリオの分岐条件に使っています。不参加の人には録画のリンク、参加した人にはアンケートと個別相談の案内を送っています。", upvoters: [P.kana] },
    ],
  },
  {
    title: "スコアリングに使う行動の重み付けはどう決めましたか？",
    body: "資料DL、セミナー参加、料金ページ閲覧などの点数を、勘で決めてしまっています。根拠のある決め方があれば知りたいです。",
    tags: ["lead-scoring"],
    asker: P.sora,
    daysAgo: 4,
    upvoters: [P.emma, P.ryo],
    answers: [
      {
        author: P.haruka,
        body: "過去1年の受注案件で、受注前によく出てくる行動を数えました。受注案件での出現率 ÷ 全リードでの出現率 が高い行動ほど点数を高くしています。完璧ではないですが、営業への説明がしやすくなりました。",
        upvoters: [P.sora, P.emma, P.ryo],
        accepted: true,
      },
      { author: P.emma, body: "We did something similar and also gave negative points to careers-page visits — job seekers were inflating our scores.", upvoters: [P.sora, P.haruka] },
    ],
  },
  {
    title: "配信停止が急に増えたときの対処法",
    body: "先週のメルマガで配信停止が普段の3倍になりました。原因の探し方を教えてください。",
    tags: ["email"],
    asker: P.mio,
    daysAgo: 3,
    answers: [
      { author: P.shun, body: "配信停止した人の「取得経路」と「最後の開封日」を見てみてください。長く反応のない人や、展示会で名刺交換しただけの人に急に送った場合に増えやすいです。", upvoters: [P.mio] },
    ],
  },
  {
    title: "CRM連携で営業担当者の項目が上書きされてしまいます",
    body: "HibikiとCRMを連携したところ、CRMで設定した営業担当者が、Hibiki側の値で上書きされることがあります。どちらを正にする設定はありますか？",
    tags: ["crm", "data-quality"],
    asker: P.takuya,
    daysAgo: 2,
    answers: [],
  },
  {
    title: "フォームにreCAPTCHAを入れることはできますか？",
    body: "問い合わせフォームにスパムの送信が増えています。Hibikiのフォームにボット対策を入れる方法はありますか？",
    tags: ["forms"],
    beginner: true,
    asker: P.kaito,
    daysAgo: 1,
    answers: [],
  },
  {
    title: "スコアが上がったらSlackにも通知したい",
    body: "営業アラートをメールだけでなく、営業チームのSlackチャンネルにも流したいです。できますか？",
    tags: ["alerts", "sales-alignment"],
    asker: P.sora,
    daysAgo: 1,
    answers: [],
  },
  {
    title: "What's a good first nurture sequence for webinar sign-ups?",
    body: "We run a monthly webinar and currently send a single reminder. I'd like to build a short nurture for registrants in Hibiki. What has worked for you?",
    tags: ["nurturing", "webinar"],
    asker: P.olivia,
    daysAgo: 19,
    upvoters: [P.grace, P.noah],
    answers: [
      {
        author: P.emma,
        body: "Ours is four emails:\n\n1. Confirmation with a calendar file\n2. Reminder the day before, with one question to think about\n3. **Attended**: slides + a short survey · **No-show**: the recording\n4. A week later: a related case study and a booking link\n\nBranch on attendance at step 3 — that alone doubled our meeting bookings.",
        upvoters: [P.olivia, P.noah, P.grace, P.liam],
        accepted: true,
      },
      { author: P.noah, body: "Keep the no-show email very short. A one-line note with the recording link beats a polished newsletter for us.", upvoters: [P.olivia] },
    ],
  },
  {
    title: "Sales ignores our MQL alerts — how did you get buy-in?",
    body: "We send MQL alerts from Hibiki, but reps say most of them are not ready to buy and have stopped reading them. How did you get sales to trust the scoring?",
    tags: ["sales-alignment", "alerts"],
    asker: P.liam,
    daysAgo: 17,
    upvoters: [P.noah, P.emma, P.shota],
    answers: [
      {
        author: P.noah,
        body: "We invited two senior reps to define the threshold with us, then ran a four-week trial where they rated every alert. Scoring changes were made from their ratings, and they became the ones selling the idea to the rest of the team.",
        upvoters: [P.liam, P.emma, P.shota],
        accepted: true,
      },
      {
        author: P.daniel,
        body: "In Hibiki you can add a feedback link to alert emails (Settings → Alerts → Ask for feedback). Reps' \"not relevant\" answers appear in the scoring report, so you can see which rules produce the noise.",
        upvoters: [P.liam, P.noah],
      },
    ],
  },
  {
    title: "Best way to import a trade-show lead list without creating duplicates?",
    body: "After every trade show we import a few hundred contacts. Some already exist in Hibiki with a different spelling of the company name. How do you avoid duplicates?",
    tags: ["data-import", "data-quality"],
    asker: P.noah,
    daysAgo: 15,
    upvoters: [P.rin, P.emma],
    answers: [
      { author: P.emma, body: "We normalise company names in a spreadsheet first (remove 株式会社 / K.K. / Inc.), then import with email as the match key.", upvoters: [P.noah] },
      {
        author: P.daniel,
        body: "Use **Import → Match existing leads by email** and set \"When a field is empty in the file\" to *keep the current value*. Then run Data → Duplicate check with the company-name rule. The import summary lists the rows it matched, so you can review them before confirming.",
        upvoters: [P.noah, P.rin, P.emma],
        accepted: true,
      },
    ],
  },
  {
    title: "How do I build a monthly report for leadership?",
    body: "I'm new to Hibiki and was asked to send a monthly marketing report to our management. Which reports should I start from?",
    tags: ["reporting"],
    beginner: true,
    asker: P.grace,
    daysAgo: 11,
    upvoters: [P.olivia],
    answers: [
      { author: P.emma, body: "Start from the Funnel dashboard and export it monthly. Leadership usually cares about new leads, meetings booked and pipeline — keep open and click rates for your own tuning.", upvoters: [P.grace, P.liam] },
    ],
  },
  {
    title: "Can a Hibiki form prefill fields for contacts we already know?",
    body: "Returning visitors have to type their company and name again on every form. Is there a way to prefill known fields?",
    tags: ["forms"],
    beginner: true,
    asker: P.grace,
    daysAgo: 6,
    answers: [
      {
        author: P.daniel,
        body: "Yes — turn on **Form settings → Progressive profiling**. Known contacts (who clicked a Hibiki email or submitted a form before) see their fields prefilled, and you can replace known fields with new questions instead.",
        upvoters: [P.grace, P.olivia],
        accepted: true,
      },
    ],
  },
  {
    title: "Is there a way to pause all nurture emails during the New Year holidays?",
    body: "Our office closes from 29 December to 3 January. Can we pause every running nurture at once, and resume the schedules afterwards?",
    tags: ["nurturing", "email"],
    asker: P.olivia,
    daysAgo: 0,
    answers: [],
  },
];

async function person(email: string): Promise<Person> {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, accountId: true, role: true, name: true } });
}

/**
 * Without SMTP the mailer logs every notification email it keeps in the outbox; seeding would
 * print dozens of them, so those lines are muted while `write` runs.
 */
export async function withoutOutboxLog<T>(write: () => Promise<T>): Promise<T> {
  const info = console.info;
  console.info = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("[mail:outbox]")) return;
    info(...args);
  };
  try {
    return await write();
  } finally {
    console.info = info;
  }
}

export async function seedQa(now = new Date()) {
  await withoutOutboxLog(async () => {
    let created = 0;
    for (const spec of DEMO_QUESTIONS) {
      if (await db.question.findFirst({ where: { title: spec.title }, select: { id: true } })) continue;
      created++;
      // Each step a little later than the last, never in the future.
      let at = now.getTime() - spec.daysAgo * DAY_MS - 6 * HOUR_MS;
      const step = (hours: number) => new Date((at = Math.min(now.getTime(), at + hours * HOUR_MS)));

      const asker = await person(spec.asker);
      const question = await askQuestion(asker, { title: spec.title, body: spec.body, tags: spec.tags, beginner: spec.beginner ?? false }, new Date(at));
      for (const email of spec.upvoters ?? []) await castVote(await person(email), "question", question.id, 1, step(0.5));

      let accept: string | null = null;
      for (const answer of spec.answers) {
        const author = await person(answer.author);
        const result = await postAnswer(author, question.id, answer.body, BASE_URL, step(3));
        if (!result.ok) throw new Error(`seed answer to "${spec.title}": ${result.error}`);
        for (const email of answer.upvoters ?? []) await castVote(await person(email), "answer", result.answerId, 1, step(0.5));
        for (const email of answer.downvoters ?? []) await castVote(await person(email), "answer", result.answerId, -1, step(0.5));
        if (answer.official) await toggleOfficial(author, result.answerId);
        if (answer.accepted) accept = result.answerId;
      }
      if (accept) {
        const outcome = await toggleAccept(asker, accept, BASE_URL, step(12));
        if (outcome !== "ok") throw new Error(`seed accept on "${spec.title}": ${outcome}`);
      }
    }
    console.log(`Q&A: ${created} questions created, ${DEMO_QUESTIONS.length - created} already there.`);
  });
}
