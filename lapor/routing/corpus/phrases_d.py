# ruff: noqa: E501
"""Hand-written core reports, part D: more for the most frequent topics (DOMAIN.md §3) and for
those with few reports. Appended to the same topics' blocks."""

D = {
    "PEKERJAAN UMUM DAN PENATAAN RUANG": """
1|aspal jalan di kampung kami ngelupas dan bolong2, genangan air di mana2 kalau hujan
1|Mohon penambalan lubang di Jl. Diponegoro {place}, lubangnya sedalam 20 cm dan tidak ada tanda peringatan
1|the road in front of our village hall is full of holes, a kid fell off his bike yesterday
2|Jalan penghubung antar kecamatan di {kec} putus total karena amblas, kendaraan harus memutar 20 km
2|proyek pelebaran jalan terbengkalai, material ditumpuk di pinggir jalan berbulan2 bikin kecelakaan
3|Oprit jembatan di {desa} amblas, ada celah besar antara jembatan dan jalan
4|Lampu jalan di ruas lingkar {place} nyala siang hari dan mati malam hari, boros anggaran
5|Setiap hujan air got meluap karena saluran ditutup beton oleh pemilik ruko
6|Bendung irigasi di {desa} jebol, petani tidak bisa tanam padi musim ini
7|Trotoar di depan sekolah ditinggikan tanpa ramp, ibu-ibu bawa stroller harus lewat jalan raya
8|Pembangunan perumahan baru menutup jalur air, kampung kami jadi langganan banjir, izinnya dipertanyakan
9|Mafia tanah memalsukan girik dan menyerobot tanah orang tua saya, BPN menerbitkan sertifikat|Kantor Pertanahan {kab}|instansi vertikal
10|Rusunawa milik pemda di {place} bocor di mana-mana dan lift mati, penghuni tetap ditarik sewa|Disperkim {kab}|kabupaten/kota
""",
    "KETENAGAKERJAAN": """
1|Buruh pabrik sepatu di {place} digaji 1,8 juta padahal UMK 3 juta lebih, kami takut protes
1|jam kerja 12 jam sehari 7 hari seminggu tanpa libur, mandor bilang kalau gak mau silakan keluar
2|Saya dirumahkan tanpa gaji selama 4 bulan lalu disuruh mengundurkan diri supaya tidak dapat pesangon
3|THR karyawan outsourcing di kantor pemerintah tidak dibayar vendor, mohon disnaker cek
4|Perusahaan tidak mendaftarkan karyawan ke BPJS Ketenagakerjaan, waktu saya kecelakaan kerja tidak ditanggung|BPJS Ketenagakerjaan|BUMN
6|Gaji ke-13 PNS guru di {place} belum dibayar sementara daerah lain sudah|BKD {kab}|kabupaten/kota
7|Honor guru honorer dibayar dari dana BOS dan telat 5 bulan, kami tidak diakui pemda|BKD {kab}|kabupaten/kota
9|lowongan kerja palsu atas nama BUMN minta transfer biaya seleksi, banyak korban di {place}
10|Pekerja tambang pasir tidak diberi alat keselamatan, kemarin ada yang tertimbun longsoran
""",
    "SOSIAL DAN KESEJAHTERAAN": """
1|Bantuan beras 10 kilo dari pemerintah tidak pernah sampai ke dusun kami, hanya dibagi di desa induk
2|saldo kartu sembako sy kosong trs, pas tanya agen katanya blm turun, tetangga udah
4|Ibu saya janda tua tapi dinyatakan tidak layak di DTKS karena rumahnya keramik, padahal pemberian anak
8|Pendamping PKH menyimpan kartu ATM penerima dan mengambil uangnya tiap pencairan
9|Anak jalanan dan pengemis di lampu merah makin banyak, dinas sosial tidak pernah menertibkan dan membina
""",
    "PENDIDIKAN DAN KEBUDAYAAN": """
1|Pendaftaran SMP negeri jalur afirmasi ditolak padahal kami pemegang KIP dan terdaftar DTKS
2|Sekolah memaksa beli buku paket dari penerbit tertentu seharga 800 ribu, yang tidak beli dikucilkan
3|Laporan realisasi dana BOS di SMP kami janggal, tertulis beli 50 laptop padahal tidak ada
4|Kepala sekolah SD di {desa} jarang datang, guru-guru juga pulang sebelum jam 10
5|Sekolah dasar di {desa} hanya punya 3 ruang kelas untuk 6 rombel, murid belajar bergantian
6|Sekolah tidak mau menerbitkan surat pindah anak saya kecuali melunasi uang komite
""",
    "KETENTERAMAN, KETERTIBAN UMUM, DAN PELINDUNGAN MASYARAKAT": """
1|Trotoar di kawasan wisata {place} penuh lapak pedagang, satpol pp cuma lewat tidak menertibkan
2|Warung semi permanen dibangun di atas trotoar dan bahu jalan dekat pasar, sudah bertahun-tahun
3|Sabung ayam dan judi dadu tiap malam di lapangan {desa}, ramai dan bikin resah
3|anak punk nongkrong di taman kota sampai malam, mabuk dan malak pengunjung
4|Panti pijat plus-plus berkedok salon beroperasi di ruko dekat masjid
5|Gangster remaja bawa celurit keliling kampung tiap malam minggu, warga takut keluar rumah
""",
    "PERHUBUNGAN": """
1|Badan jalan dipakai parkir truk kontainer semalaman, sering terjadi kecelakaan di {place}
2|Bus kota tidak berhenti di halte dan menurunkan penumpang di tengah jalan
3|Kapal feri antar pulau sering batal berangkat tanpa pemberitahuan, penumpang menginap di dermaga|ASDP|BUMN
4|Harga tiket pesawat rute {place} ke Jakarta mahal sekali menjelang lebaran, melebihi tarif batas atas|Kementerian Perhubungan|pusat
5|Ojek pangkalan melarang dan mengintimidasi driver ojol menjemput penumpang di stasiun|Dinas Perhubungan {kab}|kabupaten/kota
6|Jadwal kereta commuter sering berubah tanpa pengumuman, AC gerbong mati|KAI|BUMN
7|Zebra cross di depan sekolah sudah pudar dan tidak ada lampu penyeberangan, anak-anak susah menyeberang
8|Truk over dimension over load bebas lewat jalan kabupaten, jembatan timbang tidak berfungsi
9|Bikin SIM di Satpas disuruh ulang ujian praktik berkali-kali kecuali lewat calo|Polri|pusat
""",
    "LINGKUNGAN HIDUP DAN KEHUTANAN": """
1|Bank sampah di kelurahan kami tidak jalan, sampah plastik dibuang ke sungai oleh warga
2|Pabrik kelapa sawit buang limbah cair ke sungai, air berbau busuk dan gatal kalau dipakai mandi
3|Debu batu bara dari stockpile di dekat permukiman bikin anak-anak batuk terus
5|Penebangan pohon peneduh di sepanjang jalan protokol {place} tanpa alasan jelas
6|Drainase kota tidak mampu tampung hujan 1 jam, perumahan kami terendam, kami minta BPBD siaga|BPBD {kab}|kabupaten/kota
""",
    "TEKNOLOGI INFORMASI DAN KOMUNIKASI": """
2|Tetangga saya jadi admin situs judi slot online dan merekrut anak-anak muda kampung
3|akun whatsapp saya dibajak lalu penipu minta pinjam uang ke semua kontak saya
4|Aplikasi antrean online pemkab tidak bisa dipakai, OTP tidak pernah masuk|Diskominfo {kab}|kabupaten/kota
5|Sinyal 4G hilang total di kecamatan kami sejak tower roboh, sudah 3 bulan tidak diperbaiki|Komdigi|pusat
""",
    "KESEHATAN": """
2|Klinik faskes pertama menolak memberi rujukan ke rumah sakit walau sakit saya tidak sembuh-sembuh|BPJS Kesehatan|BUMN
4|Puskesmas pembantu di {desa} tidak ada petugas, bangunan jadi kandang kambing
5|Pasien gawat darurat diminta uang jaminan 5 juta dulu sebelum ditangani di rumah sakit swasta|Dinas Kesehatan {kab}|kabupaten/kota
""",
    "FASILITAS DIPLOMATIK": """
2|Kendaraan kedutaan berpelat CD menerobos lampu merah dan busway setiap pagi|Kementerian Luar Negeri|pusat
3|Penjagaan di kompleks kedutaan asing menutup separuh jalan umum, warga harus memutar jauh|Kementerian Luar Negeri|pusat
1|Staf diplomatik asing memukul satpam apartemen tapi polisi bilang tidak bisa diproses karena imunitas|Kementerian Luar Negeri|pusat
""",
    "KERJASAMA MULTILATERAL": """
1|Pekerja migran kami di negara ASEAN tidak terlindungi, konsensus ASEAN soal pekerja migran tidak dijalankan|Kementerian Luar Negeri|pusat
2|Indonesia harus menagih komitmen pendanaan iklim negara maju di konferensi PBB (COP)|Kementerian Luar Negeri|pusat
3|Posisi Indonesia di BRICS dan OECD perlu dijelaskan ke publik, apa untungnya bagi UMKM|Kementerian Luar Negeri|pusat
""",
    "PEMULIHAN EKONOMI NASIONAL": """
1|Dinas koperasi meminta potongan 10 persen dari banpres produktif usaha mikro yang cair|Kemenko Perekonomian|pusat
2|Saya lulus gelombang Kartu Prakerja tapi saldo pelatihan tidak bisa dipakai membeli kelas|Kemenko Perekonomian|pusat
3|Subsidi gaji dari pemerintah untuk pekerja terdampak pandemi tidak diteruskan perusahaan ke kami|Kemnaker|pusat
4|Program relaksasi cicilan untuk UMKM terdampak covid tidak diterapkan BPR di {place}|OJK|pusat
""",
    "P4GN": """
1|Kampung narkoba di {kec}, pengedar sabu jualan terang-terangan di gang, aparat pura-pura tidak tahu|BNN|pusat
2|Banyak remaja di desa kami mabuk obat batuk dan pil excimer dibeli di apotek tanpa resep|BNN|pusat
3|Klinik rehabilitasi BNN di {place} menolak pasien karena kuota penuh|BNN|pusat
""",
    "TOPIK KHUSUS": """
1|Lahan warga untuk proyek jalan tol strategis nasional dihargai jauh di bawah harga pasar|KemenPANRB|pusat
2|Status bencana nasional di daerah kami belum ditetapkan, penanganan masih setengah hati|BNPB|pusat
3|Mal pelayanan publik jauh dari desa, mohon ada layanan keliling untuk warga pelosok|KemenPANRB|pusat
""",
    "NETRALITAS ASN": """
1|Lurah dan pegawai kelurahan ikut membagikan stiker dan kalender calon wali kota ke rumah warga|Bawaslu|pusat
2|Seorang kepala dinas live di TikTok memakai kaos partai dan mengajak memilih|BKN|pusat
""",
    "EVAKUASI HEWAN LIAR": """
1|ular masuk ke kamar mandi sekolah, murid tidak berani ke toilet, tolong petugas tangkap|Damkar {kab}|kabupaten/kota
3|Gajah liar masuk ke kebun dan merusak rumah warga di {desa}, mohon penggiringan|BKSDA|pusat
""",
    "PERLINDUNGAN KONSUMEN": """
1|Toko online tidak mengirim barang yang sudah saya bayar lewat rekening bersama, marketplace lepas tangan
3|Air minum isi ulang di depot dekat rumah bau dan berlumut, tidak ada uji kelayakan
""",
    "POLITIK DAN HUKUM": """
3|Oknum dishub memungut uang dari sopir angkot di terminal tanpa karcis setiap hari|Inspektorat {kab}|kabupaten/kota
7|Polisi menolak menerima laporan pencurian motor saya dan menyuruh saya ikhlaskan saja|Polri|pusat
""",
}
